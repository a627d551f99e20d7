// Entry of the session-package page; the UI lives in extension/packages.
import { render } from 'preact';
import { PackagesPage } from '../../packages/PackagesPage';
import '../../ui/briefcase.css';

render(<PackagesPage />, document.getElementById('app')!);
