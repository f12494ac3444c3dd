-- Issue 14, item 4: each record names the version of its form's definition it was saved under
-- (FormDefinition.version, lib/forms/form-version.ts), so data saved before a form changed can
-- be upgraded by the definition's written steps rather than misread. Every record saved so far
-- was saved under version 1 of its form, the only version there has been.

-- AlterTable
ALTER TABLE "crf_records" ADD COLUMN "form_version" INTEGER NOT NULL DEFAULT 1;

-- A form's versions start at 1.
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_form_version_check" CHECK ("form_version" >= 1);
