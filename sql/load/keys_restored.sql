-- Adds back the keys keys_set_aside.sql set aside in this transaction, each validated by one query over
-- its table (it fails the batch, naming the key and the row, if any row breaks it).
DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT table_name, key_name, definition FROM keys_set_aside LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.table_name, k.key_name, k.definition);
    END LOOP;
END
$$;

DROP TABLE keys_set_aside;
