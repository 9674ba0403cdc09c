/** Coordinator reports on their calendar (being built: issue 5). */
export async function handler() {
  return { sent: 0 };
}
