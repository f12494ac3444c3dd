-- Data manager: imports patients and forms from CSV or ODM files (import.run), and enters
-- and corrects data at the sites the role is held for (lib/auth/permissions.ts).
ALTER TYPE "Role" ADD VALUE 'DATA_MANAGER';
