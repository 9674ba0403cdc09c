import { config } from "../config";

/** Links of a subscriber's letters: every one carries a signed token, never the address. */
export const links = (manageToken: string) => {
  const base = config().publicUrl;
  const token = encodeURIComponent(manageToken);
  return {
    preferences: `${base}/digest?token=${token}`,
    unsubscribePage: `${base}/digest/unsubscribe?token=${token}`,
    /** RFC 8058 one-click target: a POST there unsubscribes at once. */
    oneClick: `${base}/api/digests/unsubscribe?token=${token}`,
    seen: `${base}/api/digests/seen?token=${token}`,
    /** A portal page through the activity counter (paths inside the portal only). */
    go: (path: string) => `${base}/api/digests/go?token=${token}&to=${encodeURIComponent(path)}`,
  };
};

const signature = "\n\n—\nКластер НКО Калужской области";

export const confirmLetter = (to: string, confirmToken: string) => ({
  to,
  subject: "Подтвердите подписку на дайджест Кластера НКО",
  text:
    "Кто-то, надеемся, что вы, подписал этот адрес на дайджест портала Кластера НКО Калужской области.\n\n" +
    `Подтвердите подписку: ${config().publicUrl}/digest/confirm?token=${encodeURIComponent(confirmToken)}\n\n` +
    "Если вы не подписывались, просто проигнорируйте письмо: без подтверждения мы ничего не пришлём." +
    signature,
});

export const alreadySubscribedLetter = (to: string, manageToken: string) => ({
  to,
  subject: "Вы уже подписаны на дайджест Кластера НКО",
  text:
    "Этот адрес уже получает дайджест портала Кластера НКО Калужской области.\n\n" +
    `Изменить частоту, темы и муниципалитеты или отписаться: ${links(manageToken).preferences}` +
    signature,
});

export const pausedLetter = (to: string, manageToken: string, days: number) => ({
  to,
  subject: "Мы приостановили дайджест Кластера НКО",
  text:
    `Вы не открывали дайджест и не заходили в настройки ${days} дней, поэтому мы перестали его присылать.\n\n` +
    `Возобновить рассылку можно одной кнопкой: ${links(manageToken).preferences}` +
    signature,
});
