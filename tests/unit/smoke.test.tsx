// @vitest-environment jsdom
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';

test('renders preact components through testing-library', () => {
  render(<button type="button">Help</button>);
  expect(screen.getByRole('button', { name: 'Help' })).toBeTruthy();
});
