import { RequestCode, SignUp, VerifyCode } from "@cluster/core/auth/schema";
import { consent } from "@cluster/core/reference";
import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { ApiError, type FieldErrors } from "../../data/api";
import { requestCode, signUp, verifyCode } from "../../data/auth";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { createCountdown } from "../../ui/countdown";
import { Checkbox, TextField } from "../../ui/field";
import { fieldId, focusFirstInvalid, issuesToFields } from "../../ui/form";

type Step = "email" | "code" | "signup";

const waitText = (seconds: number) => `Повторно запросить код можно через ${seconds} с`;

/**
 * Sign-in by a code sent to the email; new people then give their name and consent.
 * Used by /login and inline by every page that needs a signed-in person (/join, /account...).
 */
export function LoginFlow(props: { onDone: () => void }) {
  const [step, setStep] = createSignal<Step>("email");
  const [email, setEmail] = createSignal("");
  const [code, setCode] = createSignal("");
  const [name, setName] = createSignal("");
  const [agreed, setAgreed] = createSignal(false);
  const [signupToken, setSignupToken] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<string>();
  /** A one-off announcement (the countdown itself is not a live region: it would speak every second). */
  const [announcement, setAnnouncement] = createSignal("");
  /** The server said "too many requests": show the wait on the email step too. */
  const [limited, setLimited] = createSignal(false);
  const countdown = createCountdown();
  let container!: HTMLDivElement;

  const sendCode = useAction(requestCode);
  const verify = useAction(verifyCode);
  const register = useAction(signUp);
  const sending = useSubmission(requestCode);
  const verifying = useSubmission(verifyCode);
  const registering = useSubmission(signUp);

  function fail(error: unknown, fallbackField?: string) {
    if (error instanceof ApiError) {
      if (error.status === 429) {
        const seconds = error.retryAfter ?? 60;
        countdown.start(seconds);
        setLimited(true);
        setAnnouncement(waitText(seconds));
        setProblem(undefined);
        setErrors({});
        return;
      }
      const fields = error.fields;
      if (Object.keys(fields).length > 0) {
        setErrors(fields);
        setProblem(undefined);
      } else if (fallbackField) {
        setErrors({ [fallbackField]: error.message });
        setProblem(undefined);
      } else {
        setErrors({});
        setProblem(error.message);
      }
    } else {
      setProblem("Что-то пошло не так. Попробуйте ещё раз.");
    }
    focusFirstInvalid(container);
  }

  function goTo(next: Step) {
    setStep(next);
    setErrors({});
    setProblem(undefined);
    const focusId =
      next === "code" ? fieldId("code") : next === "signup" ? fieldId("name") : fieldId("email");
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  }

  async function askForCode(event?: SubmitEvent) {
    event?.preventDefault();
    if (sending.pending) return;
    const parsed = RequestCode.safeParse({ email: email() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      setProblem(undefined);
      focusFirstInvalid(container);
      return;
    }
    try {
      const result = await sendCode(parsed.data);
      setEmail(parsed.data.email);
      setCode("");
      setLimited(false);
      countdown.start(result?.resendAfterSeconds ?? 60);
      setAnnouncement(`Код отправлен на ${parsed.data.email}`);
      goTo("code");
    } catch (error) {
      fail(error, "email");
    }
  }

  async function checkCode(event: SubmitEvent) {
    event.preventDefault();
    if (verifying.pending) return;
    const parsed = VerifyCode.safeParse({ email: email(), code: code() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(container);
      return;
    }
    try {
      const result = await verify(parsed.data);
      if (result?.next === "sign-up") {
        setSignupToken(result.signupToken);
        goTo("signup");
      } else {
        props.onDone();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === "code_expired") {
        countdown.start(0);
        setErrors({ code: "Код больше не действует. Запросите новый код кнопкой ниже." });
        setProblem(undefined);
        focusFirstInvalid(container);
        return;
      }
      fail(error, "code");
    }
  }

  async function finishSignUp(event: SubmitEvent) {
    event.preventDefault();
    if (registering.pending) return;
    const parsed = SignUp.safeParse({
      signupToken: signupToken(),
      name: name(),
      consent: agreed(),
      consentVersion: consent.version,
    });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(container);
      return;
    }
    try {
      await register(parsed.data);
      props.onDone();
    } catch (error) {
      if (error instanceof ApiError && (error.fields.signupToken || error.code === "signup_expired")) {
        setProblem("Время на регистрацию истекло. Запросите новый код: введите адрес ещё раз.");
        setStep("email");
        return;
      }
      fail(error);
    }
  }

  return (
    <div class="login-flow" ref={container}>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <ProblemAlert message={problem()} />
      <Switch>
        <Match when={step() === "email"}>
          <form class="form" onSubmit={askForCode} noValidate>
            <TextField
              name="email"
              label="Электронная почта"
              hint="Пришлём код для входа. Пароль не нужен."
              type="email"
              inputmode="email"
              autocomplete="email"
              spellcheck={false}
              value={email()}
              onValue={setEmail}
              error={errors().email}
            />
            <Show when={limited() && countdown.secondsLeft() > 0}>
              <p class="countdown">{waitText(countdown.secondsLeft())}</p>
            </Show>
            <div class="actions">
              <Button type="submit" pending={sending.pending}>
                Получить код
              </Button>
            </div>
          </form>
        </Match>

        <Match when={step() === "code"}>
          <form class="form" onSubmit={checkCode} noValidate>
            <TextField
              name="code"
              label="Код из письма"
              hint={
                <>
                  Мы отправили 6 цифр на <strong>{email()}</strong>. Письмо может идти пару минут; если его
                  нет, проверьте папку «Спам».
                </>
              }
              inputmode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]*"
              value={code()}
              onValue={setCode}
              error={errors().code ?? errors().email}
            />
            <div class="actions">
              <Button type="submit" pending={verifying.pending}>
                Войти
              </Button>
            </div>
          </form>
          <div class="resend">
            <Show
              when={countdown.secondsLeft() === 0}
              fallback={<p class="countdown">{waitText(countdown.secondsLeft())}</p>}
            >
              <Button variant="link" pending={sending.pending} onClick={() => askForCode()}>
                Отправить код ещё раз
              </Button>
            </Show>
            <Button variant="link" onClick={() => goTo("email")}>
              Изменить адрес почты
            </Button>
          </div>
        </Match>

        <Match when={step() === "signup"}>
          <form class="form" onSubmit={finishSignUp} noValidate>
            <h2>Регистрация</h2>
            <p>Вы впервые на портале. Представьтесь, чтобы завершить регистрацию.</p>
            <TextField
              name="name"
              label="Имя и фамилия"
              autocomplete="name"
              value={name()}
              onValue={setName}
              error={errors().name}
            />
            <div id="consent-text" class="consent-text">
              <p>{consent.text}</p>
            </div>
            <Checkbox
              name="consent"
              label="Даю согласие на обработку персональных данных"
              checked={agreed()}
              onChecked={setAgreed}
              describedBy="consent-text"
              error={errors().consent ?? errors().consentVersion}
            />
            <div class="actions">
              <Button type="submit" pending={registering.pending}>
                Зарегистрироваться
              </Button>
            </div>
          </form>
        </Match>
      </Switch>
    </div>
  );
}
