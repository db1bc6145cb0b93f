-- Results are cached per unit and year on every replica: announce changes to what they read.
CREATE TRIGGER reports_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reports
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER report_modules_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_modules
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER years_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON years
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER year_modules_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON year_modules
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
