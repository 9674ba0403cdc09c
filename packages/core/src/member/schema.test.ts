import { describe, expect, it } from "vitest";
import { completeInn, completeOgrn } from "../identifiers";
import { Application } from "./schema";

const valid = {
  kind: "ngo",
  name: "АНО «Добро»",
  inn: completeInn("402700123"),
  ogrn: completeOgrn("102402700123"),
  spheres: ["family"],
  municipality: "obninsk",
  description: "Поддерживаем многодетные семьи Обнинска.",
};

const fieldsOf = (input: unknown) => {
  const result = Application.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the join form's schema", () => {
  it("accepts a valid NGO and normalises its numbers", () => {
    const parsed = Application.parse({ ...valid, inn: ` ${valid.inn.slice(0, 4)} ${valid.inn.slice(4)} ` });
    expect(parsed.inn).toBe(valid.inn);
    expect(parsed.contacts).toEqual({});
  });

  it("lets an expert or private person join without registration numbers", () => {
    expect(fieldsOf({ ...valid, kind: "expert", inn: undefined, ogrn: undefined })).toEqual({});
    expect(fieldsOf({ ...valid, inn: undefined, ogrn: undefined })).toMatchObject({
      inn: "Укажите ИНН",
      ogrn: "Укажите ОГРН или ОГРНИП",
    });
  });

  it("limits spheres to between one and five known ones", () => {
    expect(fieldsOf({ ...valid, spheres: [] }).spheres).toBe("Выберите хотя бы одну сферу");
    expect(
      fieldsOf({ ...valid, spheres: ["family", "youth", "sport", "health", "culture", "tos"] }).spheres,
    ).toBe("Не больше пяти сфер");
    expect(fieldsOf({ ...valid, spheres: ["astrology"] })["spheres.0"]).toBe(
      "Неизвестная сфера деятельности",
    );
  });

  it("checks contacts per field", () => {
    const fields = fieldsOf({
      ...valid,
      contacts: { email: { value: "nope", public: true }, phone: { value: "123", public: false } },
    });
    expect(fields["contacts.email.value"]).toBe("Неверный адрес электронной почты");
    expect(fields["contacts.phone.value"]).toBe("Телефон в формате +7 XXX XXX-XX-XX");
  });
});
