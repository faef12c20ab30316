import { describe, expect, it } from 'vitest';
import { BrowserProblems } from './browser.js';

const failed = (status: number) =>
  `Failed to load resource: the server responded with a status of ${status} (${status === 403 ? 'Forbidden' : 'Not Found'})`;

describe('BrowserProblems', () => {
  it('excuses only the exact resource and status a test expected', () => {
    const problems = new BrowserProblems();
    problems.expectFailedLoad('http://shop.localhost:19060/admin', 403);
    problems.recordConsoleError(failed(403), 'http://shop.localhost:19060/admin');
    problems.recordConsoleError(failed(403), 'http://shop.localhost:19060/admin/products/new');
    problems.recordConsoleError(failed(404), 'http://shop.localhost:19060/admin');
    problems.recordConsoleError('Uncaught TypeError: x is undefined', 'http://shop.localhost:19060/admin');
    expect(problems.takeUnexpected()).toEqual([
      `${failed(403)} (http://shop.localhost:19060/admin/products/new)`,
      `${failed(404)} (http://shop.localhost:19060/admin)`,
      'Uncaught TypeError: x is undefined (http://shop.localhost:19060/admin)',
    ]);
  });

  it('forgets problems and expectations after each check, so an excuse never carries over', () => {
    const problems = new BrowserProblems();
    problems.expectFailedLoad('http://shop.localhost:19060/no-such-page', 404);
    problems.recordConsoleError(failed(404), 'http://shop.localhost:19060/no-such-page');
    expect(problems.takeUnexpected()).toEqual([]);
    problems.recordConsoleError(failed(404), 'http://shop.localhost:19060/no-such-page');
    expect(problems.takeUnexpected()).toEqual([`${failed(404)} (http://shop.localhost:19060/no-such-page)`]);
    expect(problems.takeUnexpected()).toEqual([]);
  });
});
