import { describe, expect, it } from "vitest";
import { maskAddress, maskIdNumber, maskName, maskPhone } from "./mask.ts";

describe("maskName", () => {
  it("keeps the surname, masks the given name", () => {
    expect(maskName("张明")).toBe("张*");
    expect(maskName("张晓明")).toBe("张*明");
    expect(maskName(" 李 ")).toBe("*");
    expect(maskName("")).toBe("");
  });
  it("keeps a 复姓 whole", () => {
    expect(maskName("欧阳明华")).toBe("欧阳**");
    expect(maskName("欧阳明")).toBe("欧阳*");
    expect(maskName("司马光")).toBe("司马*");
  });
  it("keeps first and last of a long name that has no 复姓", () => {
    expect(maskName("张晓明华")).toBe("张**华");
  });
  it("masks every part after the first of a name with a dot", () => {
    expect(maskName("买买提·艾力")).toBe("买**·**");
  });
  it("never shows the given name of a two-character name", () => {
    expect(maskName("王五")).not.toContain("五");
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 4 and last 4 characters", () => {
    expect(maskIdNumber("620102201503071234")).toBe("6201**********1234");
    expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X");
    expect(maskIdNumber("620102150307123")).toBe("6201*******7123");
  });
  it("masks short values whole", () => {
    expect(maskIdNumber("12345678")).toBe("********");
  });
});

describe("maskPhone", () => {
  it("masks the middle four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138 1234 5678")).toBe("138****5678");
    expect(maskPhone("138-1234-5678")).toBe("138****5678");
  });
  it("keeps the area code and last four digits of a fixed line", () => {
    expect(maskPhone("0933-8212345")).toBe("0933-***2345");
    expect(maskPhone("09338212345")).toBe("0933-***2345");
  });
  it("shows only the last two of something short", () => {
    expect(maskPhone("12345")).toBe("***45");
  });
});

describe("maskAddress", () => {
  it("keeps the address down to the 乡镇 and masks the rest", () => {
    expect(maskAddress("甘肃省平凉市崆峒区柳湖镇下坪村3组12号")).toBe("甘肃省平凉市崆峒区柳湖镇****");
    expect(maskAddress("平凉市崆峒区西郊街道新民路88号幸福小区2号楼")).toBe("平凉市崆峒区西郊街道****");
    expect(maskAddress("北京市海淀区中关村街道中关村大街1号")).toBe("北京市海淀区中关村街道****");
    expect(maskAddress("内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇某嘎查")).toBe(
      "内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇****",
    );
  });
  it("reads a county whose name holds 乡 as a county, not as a town", () => {
    expect(maskAddress("陕西省汉中市西乡县城关镇东街5号")).toBe("陕西省汉中市西乡县城关镇****");
  });
  it("does not take a housing estate for a county", () => {
    expect(maskAddress("甘肃省华亭市东华镇幸福小区3号楼")).toBe("甘肃省华亭市东华镇****");
  });
  it("keeps down to the county when no town is named", () => {
    expect(maskAddress("甘肃省平凉市崆峒区新民路88号")).toBe("甘肃省平凉市崆峒区****");
  });
  it("masks an address with no recognisable place whole", () => {
    expect(maskAddress("新民路88号")).toBe("****");
  });
  it("shows a bare town as it is", () => {
    expect(maskAddress("平凉市崆峒区柳湖镇")).toBe("平凉市崆峒区柳湖镇");
  });
});
