import { describe, expect, it } from "vitest";
import { completeInn, completeOgrn, isValidInn, isValidOgrn, normalisePhone, searchKey } from "./identifiers";

describe("INN", () => {
  it("accepts real organisation and personal INNs", () => {
    // Published INNs of well-known bodies: the Federal Tax Service and Sberbank; a personal one.
    expect(isValidInn("7707329152")).toBe(true);
    expect(isValidInn("7707083893")).toBe(true);
    expect(isValidInn("500100732259")).toBe(true);
  });

  it("refuses a changed digit, wrong length and non-digits", () => {
    expect(isValidInn("7707329153")).toBe(false);
    expect(isValidInn("500100732258")).toBe(false);
    expect(isValidInn("770732915")).toBe(false);
    expect(isValidInn("77073291520")).toBe(false);
    expect(isValidInn("77073291a2")).toBe(false);
    expect(isValidInn("")).toBe(false);
  });

  it("catches every single-digit change of the check digit", () => {
    const inn = completeInn("402700001");
    expect(isValidInn(inn)).toBe(true);
    for (let d = 0; d <= 9; d++) {
      const changed = inn.slice(0, 9) + d;
      expect(isValidInn(changed)).toBe(changed === inn);
    }
  });
});

describe("OGRN and OGRNIP", () => {
  it("accepts real numbers", () => {
    expect(isValidOgrn("1047797019830")).toBe(true); // Federal Tax Service
    expect(isValidOgrn("1027700132195")).toBe(true); // Sberbank
    expect(isValidOgrn("304500116000157")).toBe(true); // a sole proprietor
  });

  it("refuses changed check digits and wrong lengths", () => {
    expect(isValidOgrn("1047797019831")).toBe(false);
    expect(isValidOgrn("304500116000158")).toBe(false);
    expect(isValidOgrn("10477970198")).toBe(false);
    expect(isValidOgrn("30450011600015")).toBe(false);
  });

  it("completes bodies into valid numbers", () => {
    expect(isValidOgrn(completeOgrn("102770013219"))).toBe(true);
    expect(isValidOgrn(completeOgrn("30450011600015"))).toBe(true);
    expect(isValidInn(completeInn("5001007322"))).toBe(true);
  });
});

describe("search key", () => {
  it("folds case and ё to е", () => {
    expect(searchKey("«Ёлочка»  Калуги")).toBe("«елочка» калуги");
    expect(searchKey("ЁЖИК")).toBe(searchKey("ежик"));
  });
});

describe("phones", () => {
  it("normalises what people type to +7 and ten digits", () => {
    expect(normalisePhone("8 (4842) 22-33-44")).toBe("+74842223344");
    expect(normalisePhone("+7 910 123 45 67")).toBe("+79101234567");
    expect(normalisePhone("9101234567")).toBe("+79101234567");
    expect(normalisePhone("12345")).toBeUndefined();
  });
});
