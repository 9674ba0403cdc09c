import { config } from "../config";

/** Russian texts of transactional mail. Plain text: it reads well on any phone and client. */

const signature = "\n\n—\nКластер НКО Калужской области";

export const loginCode = (to: string, code: string) => ({
  to,
  subject: `Код для входа: ${code}`,
  text:
    `Ваш код для входа на портал Кластера НКО Калужской области: ${code}\n\n` +
    "Код действует 10 минут и подходит для одного входа. " +
    "Если вы не запрашивали код, просто проигнорируйте это письмо." +
    signature,
});

export const applicationReceived = (to: string, organisation: string) => ({
  to,
  subject: "Заявка на вступление в кластер получена",
  text:
    `Мы получили заявку организации «${organisation}» на вступление в Кластер НКО Калужской области.\n` +
    "Координаторы рассмотрят её и сообщат решение письмом." +
    signature,
});

export const applicationApproved = (to: string, organisation: string, id: string) => ({
  to,
  subject: "Заявка одобрена: добро пожаловать в кластер",
  text:
    `Заявка организации «${organisation}» одобрена. Организация теперь видна в каталоге участников:\n` +
    `${config().publicUrl}/members/${id}` +
    signature,
});

export const applicationRejected = (to: string, organisation: string, reason: string) => ({
  to,
  subject: "Заявка на вступление в кластер отклонена",
  text:
    `Заявка организации «${organisation}» отклонена.\n\nПричина: ${reason}\n\n` +
    "Вы можете исправить сведения и подать заявку снова." +
    signature,
});

export const invitation = (to: string, organisation: string, inviter: string, token: string) => ({
  to,
  subject: `Приглашение представлять «${organisation}»`,
  text:
    `${inviter} приглашает вас представлять организацию «${organisation}» на портале Кластера НКО Калужской области.\n\n` +
    `Чтобы принять приглашение, откройте ссылку и войдите с этим адресом почты:\n` +
    `${config().publicUrl}/invitations/accept?token=${token}\n\nСсылка действует 7 дней.` +
    signature,
});
