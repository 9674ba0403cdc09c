import type { Organisation } from "@cluster/core/member/schema";
import { municipalities, spheres } from "@cluster/core/reference";
import { For, type JSX } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { FieldErrors } from "../../data/api";
import { CheckboxGroup } from "../../ui/choice-group";
import { Checkbox, TextArea, TextField } from "../../ui/field";
import { blankToUndefined, errorUnder, firstError } from "../../ui/form";
import { Select } from "../../ui/select";

/** The profile part of the join form and of the edit form (everything except kind, INN and OGRN). */

export const contactKeys = ["email", "phone", "address", "person"] as const;
export type ContactKey = (typeof contactKeys)[number];

export type ProfileForm = {
  name: string;
  shortName: string;
  spheres: string[];
  municipality: string;
  description: string;
  website: string;
  contacts: Record<ContactKey, { value: string; public: boolean }>;
};

export const maxSpheres = 5;
export const maxDescription = 3000;

const contactFields: Record<
  ContactKey,
  {
    label: string;
    short: string;
    type: string;
    autocomplete: string;
    hint?: string;
    inputmode?: "email" | "tel";
  }
> = {
  email: {
    label: "Электронная почта для связи",
    short: "электронная почта",
    type: "email",
    autocomplete: "email",
    inputmode: "email",
  },
  phone: {
    label: "Телефон",
    short: "телефон",
    type: "tel",
    autocomplete: "tel",
    inputmode: "tel",
    hint: "Например, +7 484 222-33-44",
  },
  address: { label: "Адрес", short: "адрес", type: "text", autocomplete: "street-address" },
  person: { label: "Контактное лицо", short: "контактное лицо", type: "text", autocomplete: "off" },
};

export const profileLabels: Record<string, string> = {
  name: "Полное название",
  shortName: "Краткое название",
  spheres: "Сферы деятельности",
  municipality: "Муниципалитет",
  description: "Описание деятельности",
  website: "Сайт",
  "contacts.email": contactFields.email.label,
  "contacts.phone": contactFields.phone.label,
  "contacts.address": contactFields.address.label,
  "contacts.person": contactFields.person.label,
};

export function emptyProfile(): ProfileForm {
  return {
    name: "",
    shortName: "",
    spheres: [],
    municipality: "",
    description: "",
    website: "",
    contacts: {
      email: { value: "", public: false },
      phone: { value: "", public: false },
      address: { value: "", public: false },
      person: { value: "", public: false },
    },
  };
}

export function profileFromOrganisation(organisation: Organisation): ProfileForm {
  const form = emptyProfile();
  form.name = organisation.name;
  form.shortName = organisation.shortName ?? "";
  form.spheres = [...organisation.spheres];
  form.municipality = organisation.municipality;
  form.description = organisation.description;
  form.website = organisation.website ?? "";
  for (const key of contactKeys) {
    const contact = organisation.contacts[key];
    if (contact) form.contacts[key] = { value: contact.value, public: contact.public };
  }
  return form;
}

/** What the schema gets: blank optional fields left out, contacts only where a value was typed. */
export function profileInput(form: ProfileForm) {
  const contacts: Partial<Record<ContactKey, { value: string; public: boolean }>> = {};
  for (const key of contactKeys) {
    const contact = form.contacts[key];
    if (contact.value.trim()) contacts[key] = { value: contact.value, public: contact.public };
  }
  return {
    name: form.name,
    shortName: blankToUndefined(form.shortName),
    spheres: form.spheres,
    municipality: form.municipality || undefined,
    description: form.description,
    website: blankToUndefined(form.website),
    contacts,
  };
}

export function ProfileFields(props: {
  form: ProfileForm;
  setForm: SetStoreFunction<ProfileForm>;
  errors: FieldErrors;
  /** Placed between the short name and the spheres: the join form's INN and OGRN. */
  registration?: JSX.Element;
}) {
  const e = () => props.errors;
  return (
    <>
      <TextField
        name="name"
        label="Полное название"
        hint="Как в уставе или выписке ЕГРЮЛ. Для частного лица — имя и фамилия."
        autocomplete="organization"
        value={props.form.name}
        onValue={(value) => props.setForm("name", value)}
        error={e().name}
      />
      <TextField
        name="shortName"
        label="Краткое название (необязательно)"
        value={props.form.shortName}
        onValue={(value) => props.setForm("shortName", value)}
        error={e().shortName}
      />
      {props.registration}
      <CheckboxGroup
        name="spheres"
        legend="Сферы деятельности"
        hint={`Выберите от 1 до ${maxSpheres}. Выбрано: ${props.form.spheres.length}.`}
        options={spheres.map((s) => ({ value: s.id, label: s.name }))}
        value={props.form.spheres}
        onValue={(value) => props.setForm("spheres", value)}
        error={errorUnder(e(), "spheres")}
      />
      <Select
        name="municipality"
        label="Муниципалитет"
        hint="Где организация работает или зарегистрирована."
        placeholder="Выберите муниципалитет"
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        value={props.form.municipality}
        onValue={(value) => props.setForm("municipality", value)}
        error={e().municipality}
      />
      <TextArea
        name="description"
        label="Описание деятельности"
        hint={`Чем занимается организация, для кого, какие у неё проекты. От 20 до ${maxDescription} символов.`}
        rows={7}
        value={props.form.description}
        onValue={(value) => props.setForm("description", value)}
        error={e().description}
      />
      <p class="counter" classList={{ "counter--over": props.form.description.length > maxDescription }}>
        Символов: {props.form.description.length} из {maxDescription}
      </p>
      <TextField
        name="website"
        label="Сайт (необязательно)"
        hint="Например, nko-kaluga.ru или ссылка на страницу ВКонтакте."
        type="url"
        inputmode="url"
        autocomplete="url"
        spellcheck={false}
        value={props.form.website}
        onValue={(value) => props.setForm("website", value)}
        error={e().website}
      />
      <fieldset class="fieldset">
        <legend>Контакты</legend>
        <p class="field-hint">
          Все контакты необязательны. Их увидят координаторы; посетители портала — только те, где отмечено
          «Показывать публично».
        </p>
        <For each={contactKeys}>
          {(key) => {
            const field = contactFields[key];
            return (
              <div class="contact-field">
                <TextField
                  name={`contacts.${key}.value`}
                  label={field.label}
                  hint={field.hint}
                  type={field.type}
                  inputmode={field.inputmode}
                  autocomplete={field.autocomplete}
                  value={props.form.contacts[key].value}
                  onValue={(value) => props.setForm("contacts", key, "value", value)}
                  error={firstError(e(), `contacts.${key}.value`, `contacts.${key}`)}
                />
                <Checkbox
                  name={`contacts.${key}.public`}
                  label="Показывать публично"
                  accessibleName={`Показывать публично: ${field.short}`}
                  checked={props.form.contacts[key].public}
                  onChecked={(checked) => props.setForm("contacts", key, "public", checked)}
                  error={e()[`contacts.${key}.public`]}
                />
              </div>
            );
          }}
        </For>
      </fieldset>
    </>
  );
}
