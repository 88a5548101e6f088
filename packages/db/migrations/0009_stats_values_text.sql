-- luoshi schema 0009: each statistics row keeps its values also as JSON text, computed by the database
-- when the row is written. Province-wide indicator computations read hundreds of thousands of rows, and
-- on the embedded database turning jsonb into text at read time was the largest part of that read.
ALTER TABLE school_stats ADD COLUMN values_text text GENERATED ALWAYS AS ("values"::text) STORED;
ALTER TABLE population_stats ADD COLUMN values_text text GENERATED ALWAYS AS ("values"::text) STORED;
ALTER TABLE enrolment_history ADD COLUMN values_text text GENERATED ALWAYS AS ("values"::text) STORED;
