-- Factors and reference data are cached per process for the calculators: announce changes.
CREATE TRIGGER factors_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON factors
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER airports_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON airports
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER railway_stations_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON railway_stations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER building_rooms_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON building_rooms
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();--> statement-breakpoint
CREATE TRIGGER exchange_rates_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON exchange_rates
  FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change();
