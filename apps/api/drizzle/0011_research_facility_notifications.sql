-- The facility register is cached per process for the calculators: announce changes.
CREATE TRIGGER research_facilities_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON research_facilities
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
