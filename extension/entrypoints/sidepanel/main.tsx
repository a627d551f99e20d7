// Entry of the side panel (the current meeting beside the open document); the UI lives in
// extension/meeting.
import { render } from 'preact';
import { MeetingPanel } from '../../meeting/MeetingPanel';
import '../../meeting/panel.css';
import '../../../shared/ui/role-badge.css';

render(<MeetingPanel />, document.getElementById('app')!);
