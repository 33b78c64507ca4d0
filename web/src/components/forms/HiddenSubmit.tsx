/** Lets Enter submit a form whose visible buttons live outside it (modal footers), as browsers only do that with a submit button. */
export function HiddenSubmit() {
  return <button type="submit" hidden tabIndex={-1} aria-hidden="true" />;
}
