import type { UpdateMaterial } from "@cluster/core/material/schema";
import { createAsync, useAction, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { getMaterial, updateMaterial } from "../../data/materials";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { MaterialForm } from "./form";

export default function EditMaterialPage() {
  const params = useParams<{ id: string }>();
  const material = createAsync(() => getMaterial(params.id));
  const update = useAction(updateMaterial);
  return (
    <div class="narrow">
      <PageTitle>Изменить материал</PageTitle>
      <SignInGate reason="Чтобы изменить материал, войдите по электронной почте.">
        <DataBoundary>
          <Show when={material() !== undefined}>
            <Show
              when={material()?.editable ? material() : undefined}
              fallback={<p>Изменять материал могут его автор и координаторы.</p>}
            >
              {(current) => (
                <>
                  <p class="lead">
                    <a href={`/materials/${current().id}`}>Вернуться к материалу</a>
                  </p>
                  <MaterialForm
                    initial={current()}
                    submitLabel={() => "Сохранить изменения"}
                    save={(input) => update(current().id, input as UpdateMaterial)}
                  />
                </>
              )}
            </Show>
          </Show>
        </DataBoundary>
      </SignInGate>
    </div>
  );
}
