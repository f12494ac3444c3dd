-- Issue 14: who created, last changed, signed and verified a form are users of the trial. Users
-- are deactivated, never deleted, so RESTRICT: a signature or a verification never loses its signer.

-- AddForeignKey
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_signed_by_id_fkey" FOREIGN KEY ("signed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_sdv_by_id_fkey" FOREIGN KEY ("sdv_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
