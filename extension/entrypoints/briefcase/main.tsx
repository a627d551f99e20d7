// Entry of the briefcase page (the delegate's library); the UI lives in extension/ui.
import { render } from 'preact';
import { BriefcaseApp } from '../../ui/BriefcaseApp';

render(<BriefcaseApp />, document.getElementById('app')!);
