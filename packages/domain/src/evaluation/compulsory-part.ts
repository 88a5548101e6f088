/**
 * The 义务教育 part of one school (spec §1.1a scope, §1.1b split): the rule the 资源配置 evaluation splits
 * schools by, stated once so that the indicator catalogue's 义务教育生均 figures count the same pupils
 * and the same share of each school's facilities. 完全中学 count their 初中部 (B/(B+1.2C) of the
 * facilities), 十二年一贯制 their 小学部 and 初中部 ((A+1.1B)/(A+1.1B+1.32C)), 九年一贯制, 小学, 初中 and
 * 教学点 the whole school; a 教学点 follows the 教学点 policy.
 */
import type { SchoolType } from "../org/index.ts";
import { facilityShares, type StudentsByLevel } from "./facility-split.ts";
import type { SplitWeights, TeachingPointPolicy } from "./rule-set.ts";

/** The rules that decide a school's 义务教育 part: the rule set's 教学点 policy and split weights. */
export interface CompulsoryPartRules {
  teachingPointPolicy: TeachingPointPolicy;
  splitWeights: SplitWeights;
}

/** True when the 教学点 policy leaves this school out: a 教学点 under 50 pupils under `exclude-below-50`. */
export function teachingPointLeftOut(
  policy: TeachingPointPolicy,
  schoolType: SchoolType,
  primaryPupils: number,
): boolean {
  return schoolType === "teachingPoint" && policy === "exclude-below-50" && primaryPupils < 50;
}

/** A school's 义务教育 part: its share of the school's facilities and the pupils it counts. */
export interface CompulsoryPart {
  /** 0…1: the part of the school's facility totals (面积, 设备值, 教室) that belongs to 义务教育. */
  share: number;
  /** 小学 + 初中 pupils counted (0 for a school left out or without 义务教育). */
  pupils: number;
}

const NONE: CompulsoryPart = { share: 0, pupils: 0 };

/**
 * The 义务教育 part of a school of `schoolType` with `students`, under `rules`: the sum of the 小学部 and
 * 初中部 shares the evaluation gives it ({@link facilityShares}), and its 小学 + 初中 pupils. 高中,
 * 幼儿园, 特教 and 职业学校 have none; a 教学点 left out by the policy has none. Merging 教学点 into
 * their 中心校 moves figures between schools, not in or out of an area's totals, so it counts here as
 * the 教学点 itself.
 */
export function compulsoryPart(
  schoolType: SchoolType,
  students: StudentsByLevel,
  rules: CompulsoryPartRules,
): CompulsoryPart {
  if (teachingPointLeftOut(rules.teachingPointPolicy, schoolType, students.primary)) {
    return NONE;
  }
  switch (schoolType) {
    case "primary":
    case "teachingPoint":
      return { share: 1, pupils: students.primary };
    case "junior":
      return { share: 1, pupils: students.junior };
    case "nineYear":
      return { share: 1, pupils: students.primary + students.junior };
    case "twelveYear":
    case "completeSecondary": {
      const s = facilityShares(schoolType, students, rules.splitWeights);
      const pupils = (schoolType === "twelveYear" ? students.primary : 0) + students.junior;
      return { share: s.primary + s.junior, pupils };
    }
    default:
      return NONE;
  }
}
