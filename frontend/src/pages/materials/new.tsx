import type { CreateMaterial } from "@cluster/core/material/schema";
import { useAction } from "@solidjs/router";
import { createMaterial } from "../../data/materials";
import { PageTitle } from "../../ui/page-title";
import { SignInGate } from "../login/gate";
import { MaterialForm } from "./form";

export default function NewMaterialPage() {
  const create = useAction(createMaterial);
  return (
    <div class="narrow">
      <PageTitle>Новый материал</PageTitle>
      <p class="lead">
        Эксперты и координаторы публикуют материалы сразу; организации — участники кластера предлагают их, и
        координатор публикует предложение или возвращает его с пояснением.
      </p>
      <SignInGate reason="Чтобы добавить материал, войдите по электронной почте.">
        <MaterialForm
          submitLabel={(publishes) => (publishes ? "Опубликовать" : "Отправить координаторам")}
          save={(input) => create(input as CreateMaterial)}
        />
      </SignInGate>
    </div>
  );
}
