import { join } from 'node:path';
import { type Demo, openPage, SHOTS, startDemo } from './page-demo.js';

jest.setTimeout(120_000);
let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

it('shot', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  await v.page.screenshot({ path: join(SHOTS, 'page-en-light.png'), fullPage: true });
  expect(v.problems).toEqual([]);
  await v.close();
});
