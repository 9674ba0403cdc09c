import { completeInn, completeOgrn } from "@cluster/core/identifiers";
import type { Application } from "@cluster/core/member/schema";

let serial = 0;

/** A valid INN/OGRN pair no other test uses (the cluster accepts each INN once). */
export function registration() {
  const n = String(Date.now() % 1e6).padStart(6, "0") + String(++serial % 10);
  return { inn: completeInn(`77${n}`), ogrn: completeOgrn(`10277${n}`) };
}

export function application(overrides: Partial<Record<keyof Application, unknown>> = {}) {
  const base = {
    kind: "ngo",
    name: `АНО «Проверка ${++serial}»`,
    shortName: "Проверка",
    ...registration(),
    spheres: ["social-services"],
    municipality: "kaluga",
    description: "Помогаем пожилым людям Калуги: доставка продуктов и лекарств.",
    website: "dobro.example",
    contacts: {
      email: { value: "hello@dobro.example", public: true },
      phone: { value: "8 (4842) 22-33-44", public: false },
    },
  };
  return { ...base, ...overrides } as typeof base & Record<string, unknown>;
}
