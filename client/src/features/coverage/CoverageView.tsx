/**
 * Coverage: the mechanism's substantive articles, the 17 SDGs and (UPR) the UPR themes against the report. Each
 * item says whether the report addresses it (a written section tagged with it, a tagged passage or a tagged
 * recommendation; for a goal also a target or indicator) and where, with a link to each section; a tagged
 * section with fewer than 30 words is "tagged, not written". Live as anyone changes a tag or the text.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { CoverageGroup, CoverageItem } from '../../../../shared/report/coverage.ts';
import { WRITTEN_SECTION_WORDS } from '../../../../shared/report/coverageRule.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useTaxonomy, type TaxonomyModule } from '../tagging/taxonomy.ts';
import { TAG_KIND_LABELS } from '../tagging/tagKinds.ts';
import { chipLabel } from '../tagging/useTagDescriber.ts';
import { useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { TreatyTextsNote } from '../taxonomyLanguage/TreatyTextsNote.tsx';
import { coverageFor, type OtherTag } from './coverageModel.ts';
import './coverage.css';

export function CoverageView({ doc }: { doc: Y.Doc }) {
  const taxonomy = useTaxonomy();
  return (
    <section className="treaty-view coverage" aria-labelledby="coverage-title" data-testid="coverage-view">
      <header className="treaty-view__head">
        <h2 id="coverage-title" className="treaty-view__title">
          Coverage
        </h2>
        <p className="muted">
          Which articles and goals the report addresses, through the tags on its sections, passages and recommendations. A tagged section counts once it
          has at least {WRITTEN_SECTION_WORDS} words.
        </p>
      </header>
      {taxonomy ? <CoverageBody taxonomy={taxonomy} doc={doc} /> : <p role="status">Loading the treaties and goals…</p>}
    </section>
  );
}

function CoverageBody({ taxonomy, doc }: { taxonomy: TaxonomyModule; doc: Y.Doc }) {
  const model = useDerived(coverageFor(taxonomy, doc));
  const [gapsOnly, setGapsOnly] = useState(false);
  const setView = useTreatyUiStore((s) => s.setView);
  const selectSection = useReportUiStore((s) => s.selectSection);
  const open = (sectionId: string) => {
    selectSection(sectionId);
    setView('sections');
  };
  return (
    <>
      <div className="coverage__controls">
        <label className="check">
          <input type="checkbox" checked={gapsOnly} onChange={(e) => setGapsOnly(e.target.checked)} />
          Show only what the report does not address
        </label>
      </div>
      {model.treaty && <TreatyTextsNote />}
      {model.treaty ? (
        <Group
          id="articles"
          title={`${model.treaty}: substantive articles`}
          group={model.articles}
          noun="articles"
          gapsOnly={gapsOnly}
          onOpen={open}
          describe={(id) => taxonomy.describeTag(id).text}
        />
      ) : (
        <p className="coverage__note">
          <TreatyIcon name="info" size={16} /> The {model.mechanism || 'review'} covers every human rights obligation, so there is no single treaty to go through. Articles of
          any treaty that sections cite are listed under “Other tags”.
        </p>
      )}
      {model.uprThemes && <Group id="upr-themes" title="UPR themes" group={model.uprThemes} noun="themes" gapsOnly={gapsOnly} onOpen={open} />}
      <Group id="sdgs" title="Sustainable Development Goals" group={model.sdgs} noun="goals" gapsOnly={gapsOnly} onOpen={open} />
      {!gapsOnly && <Others others={model.others} onOpen={open} />}
    </>
  );
}

function Group({
  id,
  title,
  group,
  noun,
  gapsOnly,
  onOpen,
  describe,
}: {
  id: string;
  title: string;
  group: CoverageGroup;
  noun: string;
  gapsOnly: boolean;
  onOpen: (sectionId: string) => void;
  /** A line of text under each label (an article's first sentence). */
  describe?: (id: string) => string | undefined;
}) {
  const items = gapsOnly ? group.items.filter((i) => i.addressedBy.length === 0) : group.items;
  const share = group.total === 0 ? 0 : Math.round((group.addressed / group.total) * 100);
  return (
    <section className="coverage-group" aria-labelledby={`coverage-${id}`} data-testid={`coverage-${id}`}>
      <div className="coverage-group__head">
        <h3 id={`coverage-${id}`} className="coverage-group__title">
          {title}
        </h3>
        <p className="coverage-group__summary" data-testid={`coverage-${id}-summary`}>
          <strong>
            {group.addressed} of {group.total}
          </strong>{' '}
          {noun} addressed
        </p>
        <div className="coverage-bar" aria-hidden="true">
          <span className="coverage-bar__fill" style={{ width: `${share}%` }} />
        </div>
      </div>
      {items.length > 0 ? (
        <ul className="coverage-list">
          {items.map((item) => (
            <Item key={item.id} item={item} onOpen={onOpen} text={describe?.(item.id)} />
          ))}
        </ul>
      ) : (
        <p className="muted">Every one of them is addressed.</p>
      )}
    </section>
  );
}

function Item({ item, onOpen, text }: { item: CoverageItem; onOpen: (sectionId: string) => void; text?: string }) {
  const addressed = item.addressedBy.length > 0;
  const unwritten = !addressed && item.taggedNotWritten.length > 0;
  return (
    <li
      className={`coverage-item coverage-item--${addressed ? 'yes' : unwritten ? 'unwritten' : 'no'}`}
      data-testid="coverage-item"
      data-tag-id={item.id}
      data-addressed={addressed}
    >
      <span className="coverage-item__status">
        <TreatyIcon name={addressed ? 'check' : 'cross'} size={16} />
        {addressed ? 'Addressed' : unwritten ? 'Tagged, not written' : 'Not addressed'}
      </span>
      <span className="coverage-item__label">
        {item.label}
        {text && <span className="coverage-item__text">{text}</span>}
      </span>
      <SectionLinks sections={addressed ? item.addressedBy : item.taggedNotWritten} onOpen={onOpen} label={item.label} verb={addressed ? 'addresses' : 'is tagged with'} />
    </li>
  );
}

function SectionLinks({
  sections,
  onOpen,
  label,
  verb = 'addresses',
}: {
  sections: { sectionId: string; title: string }[];
  onOpen: (id: string) => void;
  label: string;
  verb?: string;
}) {
  if (sections.length === 0) return <span className="coverage-item__sections muted">No section</span>;
  return (
    <span className="coverage-item__sections">
      {sections.map((s) => (
        <button
          key={s.sectionId}
          type="button"
          className="section-link"
          aria-label={`Open section ${s.title || 'Untitled section'} (${verb} ${label})`}
          onClick={() => onOpen(s.sectionId)}
        >
          {s.title || 'Untitled section'}
        </button>
      ))}
    </span>
  );
}

function Others({ others, onOpen }: { others: OtherTag[]; onOpen: (sectionId: string) => void }) {
  if (others.length === 0) return null;
  return (
    <section className="coverage-group" aria-labelledby="coverage-others" data-testid="coverage-others">
      <div className="coverage-group__head">
        <h3 id="coverage-others" className="coverage-group__title">
          Other tags
        </h3>
        <p className="coverage-group__summary">Other treaties’ articles, general comments, themes and earlier recommendations the sections cite.</p>
      </div>
      <ul className="coverage-list">
        {others.map((t) => (
          <li key={t.id} className={`coverage-item coverage-item--tag${t.kind === 'unknown' ? ' coverage-item--unknown' : ''}`} data-testid="coverage-other" data-tag-id={t.id}>
            <span className="coverage-item__status">{TAG_KIND_LABELS[t.kind]}</span>
            <span className="coverage-item__label">{chipLabel(t.id, t)}</span>
            <SectionLinks sections={t.sections} onOpen={onOpen} label={chipLabel(t.id, t)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
