// Entry of the council's public page (/cong-khai): no sign-in, phone first.
import { render } from 'preact';
import { PortalApp } from './Portal';
import '../styles.css';
import './portal.css';

render(<PortalApp />, document.getElementById('app')!);
