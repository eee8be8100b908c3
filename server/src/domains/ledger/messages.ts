/** What the ledger says to people outside error codes: the in-app notice and the subscribe message of a published 幸福清单. */
export function publishedNoticeText(year: number, version: number): string {
  return version === 1 ? `您的${year}年幸福清单已发布，请查看每一项救助和金额。` : `您的${year}年幸福清单有更新（第${version}版），请查看变化。`;
}

/** The subscribe message's fields (template: thing1 title, phrase2 state, time3 date). */
export function publishedMessageData(year: number, version: number, date: string) {
  return { thing1: `${year}年幸福清单`, phrase2: version === 1 ? '已发布' : '有更新', time3: date };
}

export const happinessPage = (year: number) => `packages/happiness/pages/index/index?year=${year}`;

