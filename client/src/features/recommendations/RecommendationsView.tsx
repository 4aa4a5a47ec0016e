/**
 * Every recommendation block of the report, in document order, with its SMART check: UPR Info's action
 * category, vague wording marked in the text, and which of actor, action, measurable result and deadline it
 * lacks. Hints only: nothing here blocks a submission.
 */
import type * as Y from 'yjs';
import { listRecommendations, type RecommendationBlock } from '../../../../shared/report/recommendations.ts';
import type { SmartPart } from '../../../../shared/recommendations/smart.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { TagChip } from '../tagging/TagChip.tsx';
import { useTagDescriber, type TagDescriber } from '../tagging/useTagDescriber.ts';
import { derivedFrom, useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { markVague } from './markVague.ts';
import './recommendations.css';

const recommendationsOf = derivedFrom(listRecommendations, 400);

const PARTS: { part: SmartPart; label: string; hint: string }[] = [
  { part: 'actor', label: 'Actor', hint: 'Name who should act (the Ministry, Parliament, the police…), here or in the addressee field.' },
  { part: 'action', label: 'Specific action', hint: 'Start with a verb whose result can be checked: adopt, repeal, establish, allocate, investigate…' },
  { part: 'measurable result', label: 'Measurable result', hint: 'Say what will show it is done: a figure, a share, data published…' },
  { part: 'deadline', label: 'Deadline', hint: 'Say by when: “by June 2027”, “before the next review”.' },
];

export function RecommendationsView({ doc }: { doc: Y.Doc }) {
  const list = useDerived(recommendationsOf(doc));
  const describe = useTagDescriber(doc);
  const specific = list.filter((r) => r.smart.specific).length;
  return (
    <section className="treaty-view recommendations" aria-labelledby="recommendations-title" data-testid="recommendations-view">
      <header className="treaty-view__head">
        <h2 id="recommendations-title" className="treaty-view__title">
          Recommendations
        </h2>
        <p className="muted" role="status">
          {list.length === 0
            ? 'No recommendations yet.'
            : `${list.length} ${list.length === 1 ? 'recommendation' : 'recommendations'}, ${specific} asking for a specific action (UPR Info category 5).`}
        </p>
      </header>
      {list.length === 0 ? (
        <div className="empty-hint">
          <TreatyIcon name="flag" size={22} />
          <p>
            In a section, select the paragraphs that ask the State to act and press <strong>Recommendation</strong> in the toolbar. They are numbered and
            checked here.
          </p>
        </div>
      ) : (
        <ol className="rec-list">
          {list.map((r) => (
            <RecommendationCard key={`${r.sectionId}:${r.indexInSection}`} rec={r} describe={describe} />
          ))}
        </ol>
      )}
    </section>
  );
}

function RecommendationCard({ rec, describe }: { rec: RecommendationBlock; describe: TagDescriber }) {
  const selectSection = useReportUiStore((s) => s.selectSection);
  const setView = useTreatyUiStore((s) => s.setView);
  const setTagFilter = useTreatyUiStore((s) => s.setTagFilter);
  const { smart } = rec;
  return (
    <li className={`rec-card rec-card--${smart.specific ? 'specific' : 'vague'}`} data-testid="recommendation-card">
      <div className="rec-card__head">
        <span className="rec-card__number">{rec.number}</span>
        <span className={`rec-category rec-category--${smart.category}`}>
          Category {smart.category}: {smart.categoryName}
        </span>
        <button
          type="button"
          className="section-link"
          onClick={() => {
            selectSection(rec.sectionId);
            setView('sections');
          }}
        >
          {rec.sectionTitle || 'Untitled section'}
        </button>
      </div>
      <p className="rec-card__addressee">
        <span className="muted">To:</span> {rec.addressee ?? <span className="muted">no addressee set (the text must name who acts)</span>}
      </p>
      <p className="rec-card__text">
        {markVague(rec.text, smart.vagueTerms).map((part, i) =>
          part.vague ? (
            <mark key={i} className="vague" title="Vague wording">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      {rec.tags.length > 0 && (
        <ul className="tag-chips">
          {rec.tags.map((id) => (
            <li key={id}>
              <TagChip id={id} description={describe(id)} onActivate={() => setTagFilter(id)} activateHint="Click to show the sections with this tag in the outline." />
            </li>
          ))}
        </ul>
      )}
      <ul className="smart" aria-label="SMART check">
        {PARTS.map(({ part, label, hint }) => {
          const missing = smart.missing.includes(part);
          return (
            <li key={part} className={`smart__part smart__part--${missing ? 'missing' : 'ok'}`}>
              <TreatyIcon name={missing ? 'cross' : 'check'} size={14} />
              <span>
                {label}
                <span className="visually-hidden">{missing ? ': missing' : ': present'}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {(smart.missing.length > 0 || smart.vagueTerms.length > 0) && (
        <ul className="rec-card__hints">
          {smart.vagueTerms.length > 0 && <li>Vague: {smart.vagueTerms.map((t) => `“${t}”`).join(', ')}. Replace with what exactly should be done.</li>}
          {PARTS.filter((p) => smart.missing.includes(p.part)).map((p) => (
            <li key={p.part}>{p.hint}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
