/** A text field's value from a submitted form: "" when absent (only text inputs are read this way, never files). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
