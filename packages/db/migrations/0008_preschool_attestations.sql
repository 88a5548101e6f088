-- luoshi schema 0008: 学前普及普惠 items no statistic carries (spec §2 #4–#7 and #10: 生均财政拨款/补助标准,
-- 非在编教师工资之比, 办园条件达标率, 班额达标率, 社会认可度) are claimed and reviewed like the 优质均衡 ones,
-- so supervision_attestations.part gains 'preschool' (codes P04A, P04B, P05, P06A, P06B, P07, P10).

ALTER TABLE supervision_attestations DROP CONSTRAINT supervision_attestations_part_check;
ALTER TABLE supervision_attestations ADD CONSTRAINT supervision_attestations_part_check
  CHECK (part IN ('government', 'quality', 'veto', 'preschool'));
