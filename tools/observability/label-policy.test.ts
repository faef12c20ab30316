import { describe, expect, it } from 'vitest';
import { labelViolations } from './label-policy.js';

const red = (labels: Record<string, string>) => ({
  __name__: 'http_server_request_duration_count',
  job: 'catalog',
  instance: 'catalog',
  http_request_method: 'GET',
  http_route: '/products/:id',
  http_response_status_code: '200',
  ...labels,
});

describe('metric label policy', () => {
  it('accepts route templates, methods and status codes', () => {
    expect(labelViolations([red({}), red({ http_response_status_code: '404' })])).toEqual([]);
  });

  it('refuses a user id label, an e-mail or UUID value and a raw URL', () => {
    const why = (labels: Record<string, string>) =>
      labelViolations([red(labels)]).map((v) => `${v.label}: ${v.why}`);
    expect(why({ user_id: 'x' })).toEqual(['user_id: the label name carries an identifier or personal data']);
    expect(why({ http_route: '/users/ann@example.com' })[0]).toContain('an e-mail address');
    expect(why({ http_route: '/orders/0b4f9a4e-33a1-4c6e-9f1b-6a0a3c1d2e4f' })[0]).toContain('a UUID');
    expect(why({ http_route: '/products/12345' })[0]).toContain('a path with an id');
    expect(why({ http_route: '/search?q=tent' })[0]).toContain('a query string');
  });

  it('refuses a label with more distinct values than the bound', () => {
    const series = Array.from({ length: 12 }, (_, i) =>
      red({ http_route: `/r${String.fromCharCode(97 + i)}` }),
    );
    expect(labelViolations(series, 10)).toEqual([
      {
        metric: 'http_server_request_duration_count',
        job: 'catalog',
        label: 'http_route',
        why: '12 distinct values (more than 10: unbounded)',
      },
    ]);
    expect(labelViolations(series, 12)).toEqual([]);
  });
});
