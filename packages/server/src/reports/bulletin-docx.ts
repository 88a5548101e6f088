/**
 * 月通报 .docx: the monthly bulletin (from `monthlyBulletin`) written as a 公文 in GB/T 9704 layout.
 */
import { formatPercent } from "@luoshi/common";
import type { BulletinTaskLine, MonthlyBulletin, RankedUnitRow } from "@luoshi/domain/ledger";
import { chineseDate, gongwenDocument, type GongwenSection } from "./gongwen-docx.ts";

/**
 * Who issues the bulletin: `county` names the title (崆峒区 → 崆峒区教育局…通报), `issuer` signs it,
 * `date` is the 成文日期 (ISO; defaults to the bulletin's 统计截止日), `month` overrides the
 * bulletin's month in the title, `docNumber` is the optional 发文字号. `unit` is set for a unit's or
 * school's own bulletin (its tasks only): the title names that unit and the text speaks of 本单位.
 */
export interface BulletinDocxOptions {
  county: string;
  issuer: string;
  unit?: string;
  month?: string;
  date?: string;
  docNumber?: string;
  /** Set when the bulletin is 印发: 主送, the 表扬 and 批评 texts and the ranked unit table. */
  issue?: BulletinIssueParts;
}

/** What an issued bulletin adds: 主送, 通报表扬, 通报批评 and the units ranked (名次 first). */
interface BulletinIssueParts {
  recipients: readonly string[];
  praise: string;
  criticism: string;
  ranked: readonly RankedUnitRow[];
}

/** 一、二、… for the first-level headings, numbered in order. */
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** `0.753` → `75.3%` (official half-up: 23/80 → 28.8%); null (nothing due) → `—`. */
export function percentText(rate: number | null): string {
  return formatPercent(rate, 1);
}

/** `2026-03` → `2026年3月`. */
function monthText(month: string): string {
  return `${month.slice(0, 4)}年${String(Number(month.slice(5, 7)))}月`;
}

/**
 * The title: 崆峒区教育局2026年3月重点任务督办情况通报 for the bureau; with `unit`, that unit's own
 * (崆峒区财政局2026年3月承办重点任务督办情况).
 */
export function bulletinTitle(county: string, month: string, unit?: string): string {
  return unit === undefined
    ? `${county}教育局${monthText(month)}重点任务督办情况通报`
    : `${unit}${monthText(month)}承办重点任务督办情况`;
}

/**
 * 总体情况. Report figures are said twice, each with its rule: reports whose 报送期限 falls in the month
 * (due, on time, late, missing — a report for this month's period due next month is not among them),
 * and reports actually received in the month whatever their period.
 */
function overviewText(b: MonthlyBulletin, month: string, unit?: string): string {
  const s = b.summary;
  const m = monthText(month);
  const rate = percentText(s.dueReports === 0 ? null : s.onTime / s.dueReports);
  const who =
    unit === undefined
      ? `全局共督办重点任务${String(s.total)}项`
      : `本单位（${unit}）牵头或协办的重点任务共${String(s.total)}项`;
  const reporters = unit === undefined ? "各单位" : "上述任务各承办单位";
  return (
    `截至${chineseDate(b.asOf)}，${who}，已销号${String(s.closed)}项` +
    `（其中${m}销号${String(s.closedThisMonth)}项），正在办理${String(s.inProgress)}项，` +
    `中止${String(s.suspended)}项；逾期未完成${String(s.overdue)}项。按亮灯情况，红灯${String(s.red)}项、` +
    `黄灯${String(s.yellow)}项、蓝灯${String(s.blue)}项、绿灯${String(s.green)}项。` +
    `按报送期限统计，${m}内到期应报送进展${String(s.dueReports)}次，已报送${String(s.received)}次，` +
    `其中按时${String(s.onTime)}次、迟报${String(s.late)}次，未报送${String(s.missing)}次，报送及时率${rate}；` +
    `按报送日期统计，${m}共收到${reporters}进展报告${String(s.receivedInMonth)}份` +
    `（含报送期限在下月及以后的当期进展）。`
  );
}

const explain = (l: BulletinTaskLine): string =>
  l.latestProgress === null ? `${l.reason}；未报送进展` : `${l.reason}；最新进展：${l.latestProgress}`;

/**
 * A 通报 names at most this many tasks per list (longest overdue first); the rest are counted and left
 * to the ledger export, where a full county list belongs.
 */
const MAX_LISTED_TASKS = 100;

function restNote(total: number, what: string): GongwenSection[] {
  const rest = total - MAX_LISTED_TASKS;
  return rest > 0
    ? [{ kind: "paragraph", text: `另有${String(rest)}项${what}未逐项列出，详见督办台账导出表。` }]
    : [];
}

/** A column of {@link taskTable} after 序号, 任务, 责任单位 and 截止日期. */
interface TaskColumn<L> {
  header: string;
  width: number;
  align: "left" | "center";
  cell: (line: L) => string;
}

/**
 * A list of tasks as a table: 序号, 任务, 责任单位, 截止日期, then `columns`; at most
 * {@link MAX_LISTED_TASKS} rows, the rest counted in a note naming `what`. `widths` weighs the 任务 and
 * 责任单位 columns against the others.
 */
function taskTable<L extends { title: string; units: readonly string[]; deadline: string }>(
  lines: readonly L[],
  what: string,
  widths: readonly [number, number],
  columns: readonly TaskColumn<L>[],
): GongwenSection[] {
  return [
    {
      kind: "table",
      header: ["序号", "任务", "责任单位", "截止日期", ...columns.map((c) => c.header)],
      widths: [0.6, ...widths, 1.3, ...columns.map((c) => c.width)],
      align: ["center", "left", "left", "center", ...columns.map((c) => c.align)],
      rows: lines
        .slice(0, MAX_LISTED_TASKS)
        .map((l, i) => [
          String(i + 1),
          l.title,
          l.units.join("、"),
          l.deadline,
          ...columns.map((c) => c.cell(l)),
        ]),
    },
    ...restNote(lines.length, what),
  ];
}

function overdueSections(b: MonthlyBulletin): GongwenSection[] {
  const out: GongwenSection[] = [{ kind: "heading", level: 2, text: "（一）逾期（红灯）任务" }];
  if (b.overdueList.length === 0) {
    out.push({ kind: "paragraph", text: "本月无逾期任务。" });
  } else {
    out.push(
      ...taskTable(
        b.overdueList,
        "逾期任务",
        [2.4, 1.6],
        [
          { header: "逾期天数", width: 0.9, align: "center", cell: (l) => String(l.daysOverdue) },
          {
            header: "情况说明",
            width: 3.2,
            align: "left",
            cell: (l) => (l.isClosed ? l.reason : explain(l)),
          },
        ],
      ),
    );
  }
  out.push({ kind: "heading", level: 2, text: "（二）黄灯预警任务" });
  if (b.yellowList.length === 0) {
    out.push({ kind: "paragraph", text: "本月无黄灯预警任务。" });
  } else {
    out.push(
      ...taskTable(
        b.yellowList,
        "黄灯任务",
        [2.8, 1.8],
        [{ header: "预警原因", width: 3.5, align: "left", cell: (l) => l.reason }],
      ),
    );
  }
  return out;
}

/** 本月销号任务: each task closed in the month, 按期 or 逾期, with its closing day. */
function closedSections(b: MonthlyBulletin, month: string): GongwenSection[] {
  if (b.closedList.length === 0) {
    return [{ kind: "paragraph", text: `${monthText(month)}无销号任务。` }];
  }
  const onTime = b.closedList.filter((l) => l.isOnTime).length;
  return [
    {
      kind: "paragraph",
      text:
        `${monthText(month)}共销号重点任务${String(b.closedList.length)}项，其中按期办结${String(onTime)}项、` +
        `逾期办结${String(b.closedList.length - onTime)}项。`,
    },
    ...taskTable(
      b.closedList,
      "销号任务",
      [3, 2],
      [
        { header: "销号日期", width: 1.3, align: "center", cell: (l) => l.closedOn },
        {
          header: "办结情况",
          width: 1.8,
          align: "center",
          cell: (l) => (l.isOnTime ? "按期办结" : `逾期${String(l.daysOverdue)}天办结`),
        },
      ],
    ),
  ];
}

/** 下步工作要求: fixed text, the same every month. */
const NEXT_STEPS: readonly GongwenSection[] = [
  { kind: "heading", level: 2, text: "（一）压实牵头责任。" },
  {
    kind: "paragraph",
    text: "各牵头单位要切实履行牵头责任，统筹协办单位按序时进度推进各项任务，确保按期办结、按质销号。",
  },
  { kind: "heading", level: 2, text: "（二）抓好逾期任务整改。" },
  {
    kind: "paragraph",
    text: "对逾期和红灯任务，牵头单位要逐项分析原因、制定整改措施、明确完成时限，于下月5日前将整改情况书面报局督办部门；对黄灯任务要及时查找差距，防止转为逾期。",
  },
  { kind: "heading", level: 2, text: "（三）按时报送工作进展。" },
  {
    kind: "paragraph",
    text: "各单位要在每月25日前通过系统报送当月工作进展，协办单位同步报送牵头单位，由牵头单位汇总报送。迟报、漏报情况将纳入年度绩效考核。",
  },
  { kind: "heading", level: 2, text: "（四）认真落实领导批示。" },
  { kind: "paragraph", text: "对领导批示事项，责任单位要逐项研究、专人落实，及时反馈办理结果。" },
];

/**
 * 月通报文件: 一、总体情况; 二、各单位落实情况 (table); 三、本月销号任务; 四、逾期和红灯任务 (with
 * reasons); 五、领导批示; 六、下步工作要求. An issued one (`options.issue`) adds 主送 under the title,
 * ranks the unit table (名次) and inserts 三、通报表扬和批评, the later parts moving down one number.
 * Returns the .docx bytes.
 */
export async function bulletinDocx(bulletin: MonthlyBulletin, options: BulletinDocxOptions): Promise<Buffer> {
  const month = options.month ?? bulletin.month;
  const instructions: GongwenSection[] =
    bulletin.instructions.length === 0
      ? [{ kind: "paragraph", text: "本月无领导批示。" }]
      : bulletin.instructions.map((i) => ({
          kind: "paragraph",
          text: `${chineseDate(i.date).slice(5)}，${i.author}对“${i.taskTitle}”批示：${i.text}`,
        }));
  const unitHeader = ["单位", "任务数", "其中牵头", "已销号", "按期办结", "逾期", "报送及时率"];
  const unitCells = (u: MonthlyBulletin["perUnit"][number]) => [
    u.unit.name,
    String(u.tasks),
    String(u.leadTasks),
    String(u.closed),
    String(u.onTime),
    String(u.overdue),
    percentText(u.punctuality),
  ];
  const issue = options.issue;
  const unitTable: GongwenSection =
    issue === undefined
      ? {
          kind: "table",
          header: ["序号", ...unitHeader],
          widths: [0.6, 2.2, 0.9, 0.9, 0.9, 1, 0.8, 1.2],
          align: ["center", "left"],
          rows: bulletin.perUnit.map((u, i) => [String(i + 1), ...unitCells(u)]),
        }
      : {
          kind: "table",
          header: ["名次", ...unitHeader],
          widths: [0.6, 2.2, 0.9, 0.9, 0.9, 1, 0.8, 1.2],
          align: ["center", "left"],
          rows: issue.ranked.map((u) => [String(u.rank), ...unitCells(u)]),
        };
  const parts: [string, GongwenSection[]][] = [
    ["总体情况", [{ kind: "paragraph", text: overviewText(bulletin, month, options.unit) }]],
    [
      issue === undefined ? "各单位落实情况" : "各单位落实情况及排名",
      issue === undefined
        ? [unitTable]
        : [
            {
              kind: "paragraph",
              text: "按逾期（红灯）任务数由少到多、报送及时率由高到低、按期办结任务数由多到少排列。",
            },
            unitTable,
          ],
    ],
    ...(issue === undefined
      ? []
      : ([
          [
            "通报表扬和批评",
            [
              { kind: "heading", level: 2, text: "（一）通报表扬" },
              { kind: "paragraph", text: issue.praise },
              { kind: "heading", level: 2, text: "（二）通报批评" },
              { kind: "paragraph", text: issue.criticism },
            ],
          ],
        ] satisfies [string, GongwenSection[]][])),
    ["本月销号任务", closedSections(bulletin, month)],
    ["逾期和红灯任务", overdueSections(bulletin)],
    ["领导批示", instructions],
    ["下步工作要求", [...NEXT_STEPS]],
  ];
  const sections: GongwenSection[] = parts.flatMap(([heading, body], i) => [
    { kind: "heading", level: 1, text: `${NUMERALS[i] ?? String(i + 1)}、${heading}` },
    ...body,
  ]);
  const input = {
    title: bulletinTitle(options.county, month, options.unit),
    ...(issue === undefined ? {} : { addressees: issue.recipients }),
    issuer: options.issuer,
    date: options.date ?? bulletin.asOf,
    sections,
  };
  return gongwenDocument(
    options.docNumber === undefined ? input : { ...input, docNumber: options.docNumber },
  );
}
