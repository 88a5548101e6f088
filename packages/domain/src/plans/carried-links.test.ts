import { describe, expect, it } from "vitest";
import { carriedLinks, type LinkableTarget } from "./carried-links.ts";

const t = (
  id: string,
  text: string,
  metric = "",
  isLinkConfirmed = false,
  kind = "target",
): LinkableTarget => ({
  id,
  kind,
  text,
  metric,
  isLinkConfirmed,
});

describe("carriedLinks", () => {
  it.each<{
    name: string;
    current: LinkableTarget[];
    superseded: LinkableTarget[];
    expected: [string, string][];
  }>([
    {
      name: "the same text (whitespace aside) carries the confirmed link",
      current: [t("n1", "毛入园率达到 95%")],
      superseded: [t("o1", "毛入园率达到95%", "", true)],
      expected: [["n1", "o1"]],
    },
    {
      name: "an unconfirmed old link is not carried",
      current: [t("n1", "毛入园率达到95%")],
      superseded: [t("o1", "毛入园率达到95%")],
      expected: [],
    },
    {
      name: "a target staff already linked keeps its own link",
      current: [t("n1", "毛入园率达到95%", "", true)],
      superseded: [t("o1", "毛入园率达到95%", "", true)],
      expected: [],
    },
    {
      name: "the same text of another kind does not match",
      current: [t("n1", "毛入园率达到95%", "", false, "task")],
      superseded: [t("o1", "毛入园率达到95%", "", true)],
      expected: [],
    },
    {
      name: "an only target with the same metric on both sides carries the link",
      current: [t("n1", "毛入园率提高到97%", "毛入园率")],
      superseded: [t("o1", "毛入园率达到95%", "毛入园率", true)],
      expected: [["n1", "o1"]],
    },
    {
      name: "a metric shared by two new targets is ambiguous",
      current: [t("n1", "毛入园率提高到97%", "毛入园率"), t("n2", "城区毛入园率98%", "毛入园率")],
      superseded: [t("o1", "毛入园率达到95%", "毛入园率", true)],
      expected: [],
    },
    {
      name: "each old target passes its link on once",
      current: [t("n1", "毛入园率达到95%"), t("n2", "毛入园率达到95%")],
      superseded: [t("o1", "毛入园率达到95%", "", true)],
      expected: [["n1", "o1"]],
    },
    {
      name: "an empty metric never matches",
      current: [t("n1", "甲")],
      superseded: [t("o1", "乙", "", true)],
      expected: [],
    },
  ])("$name", ({ current, superseded, expected }) => {
    expect(carriedLinks(current, superseded).map((c) => [c.targetId, c.fromTargetId])).toEqual(expected);
  });
});
