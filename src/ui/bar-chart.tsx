// A small horizontal bar chart, hand-written SVG (no chart library: the pages' CSP allows no eval and
// the bundle stays small). The SVG is an image with a title for assistive technology; the same
// figures follow as a table, which is the chart's text equivalent.
import { useId } from 'preact/hooks';
import { clip } from './format';
import { useI18n } from './i18n';

export interface ChartBar {
  label: string;
  count: number;
}

const ROW = 24;
const WIDTH = 320;
const LABEL_W = 120;
const BAR_X = LABEL_W + 8;
const BAR_MAX = WIDTH - BAR_X - 44;

export function BarChart({ title, bars }: { title: string; bars: readonly ChartBar[] }) {
  const { t, locale } = useI18n();
  const id = useId();
  const number = new Intl.NumberFormat(locale);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const height = Math.max(ROW, bars.length * ROW);
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="chart__title">
        {title}
      </figcaption>
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-svg-title`}>
          {`${title}: ${bars.map((b) => `${b.label} ${number.format(b.count)}`).join(', ')}`}
        </title>
        {bars.map((bar, i) => {
          const w = total === 0 ? 0 : Math.max(bar.count ? 2 : 0, (bar.count / max) * BAR_MAX);
          const y = i * ROW;
          return (
            <g key={bar.label} class="chart__row">
              <text
                x={LABEL_W}
                y={y + ROW / 2}
                class="chart__label"
                text-anchor="end"
                dominant-baseline="middle"
              >
                {clip(bar.label, 18)}
              </text>
              <rect x={BAR_X} y={y + 4} width={w} height={ROW - 8} rx={3} class="chart__bar" />
              <text x={BAR_X + w + 6} y={y + ROW / 2} class="chart__count" dominant-baseline="middle">
                {number.format(bar.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="chart__data">
        <summary>{t('chartAsTable')}</summary>
        <table class="chart__table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chartItem')}</th>
              <th scope="col">{t('chartCount')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{number.format(bar.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
