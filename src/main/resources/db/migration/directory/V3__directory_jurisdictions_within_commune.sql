-- An area officer covers villages of their own commune only. The inbox, the register and the overdue count of an area
-- officer all assume it (RegisterQuery counts the commune's overdue dockets, then keeps the officer's); a village of
-- another commune would show in the officer's inbox but be missing from their count. Since session 11 the commune
-- chief assigns villages in the console (Jurisdictions.assign checks it too); the database refuses it from any writer.
CREATE FUNCTION directory.jurisdiction_within_commune() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM directory.officers o
                     JOIN directory.police_units u ON u.id = o.police_unit_id
                     JOIN directory.villages v ON v.commune_code = u.unit_code
                    WHERE o.id = NEW.officer_id AND v.id = NEW.village_id) THEN
        RAISE EXCEPTION 'village % is not in the commune of officer %', NEW.village_id, NEW.officer_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER jurisdictions_within_commune
    BEFORE INSERT OR UPDATE ON directory.jurisdictions
    FOR EACH ROW EXECUTE FUNCTION directory.jurisdiction_within_commune();
