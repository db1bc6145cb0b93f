-- Keeps units.path = '/<root id>/…/<own id>/' true whoever writes the rows, and keeps the tree
-- a tree: a parent sits at a lower level, and a unit never becomes its own ancestor.
CREATE OR REPLACE FUNCTION units_set_path() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  parent_path text;
  parent_level smallint;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    RETURN NEW;
  END IF;
  SELECT path, level INTO parent_path, parent_level FROM units WHERE id = NEW.parent_id;
  IF parent_path IS NULL THEN
    RAISE EXCEPTION 'parent unit % does not exist', NEW.parent_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF parent_path LIKE '%/' || NEW.id || '/%' THEN
    RAISE EXCEPTION 'unit % cannot be placed under its own descendant', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  IF parent_level >= NEW.level THEN
    RAISE EXCEPTION 'a level % unit cannot sit under a level % unit', NEW.level, parent_level USING ERRCODE = 'check_violation';
  END IF;
  NEW.path := parent_path || NEW.id || '/';
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER units_set_path BEFORE INSERT OR UPDATE OF parent_id, level ON units
  FOR EACH ROW EXECUTE FUNCTION units_set_path();--> statement-breakpoint
-- A moved unit takes its whole subtree along, in one statement.
CREATE OR REPLACE FUNCTION units_move_subtree() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE units
     SET path = NEW.path || substr(path, length(OLD.path) + 1)
   WHERE path LIKE OLD.path || '%' AND id <> NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER units_move_subtree AFTER UPDATE OF parent_id ON units
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION units_move_subtree();
