/** The alt text of an organisation's logo wherever the logo carries meaning (its page, the edit form). */
export const logoAlt = (name: string) => `Логотип организации «${name}»`;

/**
 * An organisation's logo in a fixed square box: the box is reserved before the image arrives
 * (no layout shift) and the image is scaled to fit inside it without cropping.
 */
export function OrganisationLogo(props: { src: string; name: string; size: number; class?: string }) {
  return (
    <img
      class={`logo ${props.class ?? ""}`}
      src={props.src}
      alt={logoAlt(props.name)}
      width={props.size}
      height={props.size}
      decoding="async"
    />
  );
}
