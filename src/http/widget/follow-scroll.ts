/** How close to the bottom (px) still counts as "reading the newest text". */
const BOTTOM_SLACK = 24;

/**
 * Scrolling of the conversation log: it follows streamed text while the reader is at the bottom,
 * stays put once the reader scrolls up, and when an answer is done shows its start if the
 * answer is taller than the view. Scroll events caused by the widget itself are told apart from
 * the reader's by the position the widget last set.
 */
export class FollowScroll {
  private following = true;
  private lastSet = -1;

  constructor(private readonly log: HTMLElement) {
    log.addEventListener('scroll', () => {
      if (Math.abs(log.scrollTop - this.lastSet) <= 1) return;
      this.following = this.atBottom();
    });
  }

  /** A new question: follow again whatever the reader did before. */
  restart(): void {
    this.following = true;
    this.toBottom();
  }

  /** New text arrived: keep it in view unless the reader has scrolled away. */
  follow(): void {
    if (this.following) this.toBottom();
  }

  /** An answer is complete: show its start if it does not fit, else the bottom. */
  settle(answer: HTMLElement): void {
    if (!this.following) return;
    const top = answer.getBoundingClientRect().top - this.log.getBoundingClientRect().top + this.log.scrollTop;
    if (answer.offsetHeight > this.log.clientHeight) this.set(Math.max(0, top - 8));
    else this.toBottom();
  }

  private atBottom(): boolean {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight <= BOTTOM_SLACK;
  }

  private toBottom(): void {
    this.set(this.log.scrollHeight);
  }

  private set(top: number): void {
    this.log.scrollTop = top;
    this.lastSet = this.log.scrollTop;
  }
}
