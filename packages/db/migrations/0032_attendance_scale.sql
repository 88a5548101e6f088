-- luoshi schema 0032: a province-day of 日考勤 at scale (docs/attendance.md, "Scale").
--
-- 1. The risk rules read the look-back of each pupil absent on the day, within the county. The primary
--    key (county_code, day, student_id) serves a county's day but not a pupil's days: with a range of
--    days before student_id, each lookup walked every absence of the county in the look-back (0.35 ms a
--    pupil at 3 million pupils). The index by county, pupil and day finds a pupil's look-back directly;
--    it replaces the index by pupil and day, which no query used without the county.
-- 2. The foreign key from an absence to its pupil is dropped. Its check locks the pupil's registry row
--    (FOR KEY SHARE) for every absence written: 100,000 absences dirty as many pages of the 3-million-row
--    students table and write a WAL record each — a third of the province-day's database time. The
--    write path checks the pupils itself (a school's report: each absent pupil one of its own in
--    school; the bulk path: every pupil exists, in the same statement), and pupils are never deleted
--    (retention anonymises them in place). A foreign key between two distributed tables would also bind
--    Citus to co-locating them on the same key, which students do not carry yet.

CREATE INDEX attendance_absences_county_student_idx ON attendance_absences (county_code, student_id, day);
DROP INDEX attendance_absences_student_idx;
ALTER TABLE attendance_absences DROP CONSTRAINT attendance_absences_student_id_fkey;
