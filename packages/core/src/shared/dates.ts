/** The region lives on Moscow time: "today" for windows and deadlines is the date there. */
const moscowDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Moscow" });

/** YYYY-MM-DD in Europe/Moscow. */
export const moscowToday = (now = new Date()) => moscowDate.format(now);
