<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>ApprovalQueueScreen</name>
    <message>
      <source>Approval queue</source>
      <translation>Approval queue</translation>
    </message>
    <message>
      <source>Step 3: read and compare, then approve to publish. Select several items (Ctrl or Shift + click) to approve them together.</source>
      <translation>Step 3: read and compare, then approve to publish. Select several items (Ctrl or Shift + click) to approve them together.</translation>
    </message>
    <message numerus="yes">
      <source>Approve selected (%n)</source>
      <translation>
        <numerusform>Approve selected (%n)</numerusform>
        <numerusform>Approve selected (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Approve and publish %n item(s)? They will appear on the portal:</source>
      <translation>
        <numerusform>Approve and publish %n item? They will appear on the portal:</numerusform>
        <numerusform>Approve and publish %n items? They will appear on the portal:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… and %n more</numerusform>
        <numerusform>… and %n more</numerusform>
      </translation>
    </message>
    <message>
      <source>Approve items</source>
      <translation>Approve items</translation>
    </message>
    <message numerus="yes">
      <source>%n item(s) approved.</source>
      <translation>
        <numerusform>%n item approved.</numerusform>
        <numerusform>%n items approved.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n item(s) skipped: you cannot approve them (for example, you edited them yourself).</source>
      <translation>
        <numerusform>%n item skipped: you cannot approve them (for example, you edited them yourself).</numerusform>
        <numerusform>%n items skipped: you cannot approve them (for example, you edited them yourself).</numerusform>
      </translation>
    </message>
    <message>
      <source>Approve the selected items</source>
      <translation>Approve the selected items</translation>
    </message>
  </context>
  <context>
    <name>BodyTools</name>
    <message>
      <source>(no suggestions)</source>
      <translation>(no suggestions)</translation>
    </message>
    <message>
      <source>Add “%1” to my dictionary</source>
      <translation>Add “%1” to my dictionary</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>Picture description (for screen readers)…</source>
      <translation>Picture description (for screen readers)…</translation>
    </message>
    <message>
      <source>Caption under the picture…</source>
      <translation>Caption under the picture…</translation>
    </message>
    <message>
      <source>Picture description</source>
      <translation>Picture description</translation>
    </message>
    <message>
      <source>What the picture shows, for people who cannot see it:</source>
      <translation>What the picture shows, for people who cannot see it:</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>Caption shown under the picture:</source>
      <translation>Caption shown under the picture:</translation>
    </message>
    <message>
      <source>Insert a picture</source>
      <translation>Insert a picture</translation>
    </message>
    <message>
      <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</source>
      <translation>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
      <source>Open Word file</source>
      <translation>Open Word file</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Word documents (*.docx)</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>Change password</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>&amp;Current password</source>
      <translation>&amp;Current password</translation>
    </message>
    <message>
      <source>&amp;New password</source>
      <translation>&amp;New password</translation>
    </message>
    <message>
      <source>&amp;Repeat the new password</source>
      <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Sign out</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>What the new password still needs</source>
      <translation>What the new password still needs</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>The new password must differ from the current one.</source>
      <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
      <source>The two new passwords are not the same.</source>
      <translation>The two new passwords are not the same.</translation>
    </message>
  </context>
  <context>
    <name>ConflictsScreen</name>
    <message>
      <source>Conflicts</source>
      <extracomment>An item's conflicts are all resolved: the person goes back to it (issue 17). The item the person came from (its page's "Resolve the conflict"), or "".</extracomment>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>%n to resolve</source>
      <translation>%n to resolve</translation>
    </message>
    <message>
      <source>%1 (fields: %2)</source>
      <translation>%1 (fields: %2)</translation>
    </message>
    <message>
      <source>Someone else changed the same text while you worked. Nothing has been thrown away: choose which version to keep, or edit a merge of both.</source>
      <translation>Someone else changed the same text while you worked. Nothing has been thrown away: choose which version to keep, or edit a merge of both.</translation>
    </message>
    <message>
      <source>My version (differences in red)</source>
      <translation>My version (differences in red)</translation>
    </message>
    <message>
      <source>Their version on the portal (differences in green)</source>
      <translation>Their version on the portal (differences in green)</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>Keep mine</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>Keep theirs</translation>
    </message>
    <message>
      <source>Edit a merge…</source>
      <translation>Edit a merge…</translation>
    </message>
    <message>
      <source>My version</source>
      <translation>My version</translation>
    </message>
    <message>
      <source>Their version</source>
      <translation>Their version</translation>
    </message>
  </context>
  <context>
    <name>ContentRulesBar</name>
    <message>
      <source>Comments closed on %1</source>
      <translation>Comments closed on %1</translation>
    </message>
    <message>
      <source>Comments until %1</source>
      <translation>Comments until %1</translation>
    </message>
    <message>
      <source>Translations:</source>
      <translation>Translations:</translation>
    </message>
    <message>
      <source>Choose a language other than the item's own.</source>
      <translation>Choose a language other than the item's own.</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Language of the translation</source>
      <translation>Language of the translation</translation>
    </message>
    <message>
      <source>Create a translation</source>
      <translation>Create a translation</translation>
    </message>
    <message>
      <source>Print, export</source>
      <translation>Print, export</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>Save as a web page (HTML)…</source>
      <translation>Save as a web page (HTML)…</translation>
    </message>
    <message>
      <source>Save as plain text (Markdown)…</source>
      <translation>Save as plain text (Markdown)…</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <source>Comment</source>
      <translation>Comment</translation>
    </message>
  </context>
  <context>
    <name>EditQueueScreen</name>
    <message>
      <source>Edit queue</source>
      <translation>Edit queue</translation>
    </message>
    <message>
      <source>Step 2: open an item, edit it, then forward it for approval or return it to its author with a comment.</source>
      <translation>Step 2: open an item, edit it, then forward it for approval or return it to its author with a comment.</translation>
    </message>
  </context>
  <context>
    <name>FileDrop</name>
    <message>
      <source>%1: new draft</source>
      <translation>%1: new draft</translation>
    </message>
    <message>
      <source>%1: not imported: %2</source>
      <translation>%1: not imported: %2</translation>
    </message>
    <message>
      <source>%1: skipped (not .md or .docx)</source>
      <translation>%1: skipped (not .md or .docx)</translation>
    </message>
    <message>
      <source>Files imported</source>
      <translation>Files imported</translation>
    </message>
  </context>
  <context>
    <name>FormatToolbar</name>
    <message>
      <source>Link</source>
      <translation>Link</translation>
    </message>
    <message>
      <source>Address of the link (https://…):</source>
      <translation>Address of the link (https://…):</translation>
    </message>
    <message>
      <source>Normal text</source>
      <translation>Normal text</translation>
    </message>
    <message>
      <source>Heading 1</source>
      <translation>Heading 1</translation>
    </message>
    <message>
      <source>Heading 2</source>
      <translation>Heading 2</translation>
    </message>
    <message>
      <source>Heading 3</source>
      <translation>Heading 3</translation>
    </message>
    <message>
      <source>Paragraph style</source>
      <translation>Paragraph style</translation>
    </message>
    <message>
      <source>B</source>
      <translation>B</translation>
    </message>
    <message>
      <source>Bold (Ctrl+B)</source>
      <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
      <source>I</source>
      <translation>I</translation>
    </message>
    <message>
      <source>Italic (Ctrl+I)</source>
      <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
      <source>Heading</source>
      <translation>Heading</translation>
    </message>
    <message>
      <source>Make the paragraph a heading</source>
      <translation>Make the paragraph a heading</translation>
    </message>
    <message>
      <source>• List</source>
      <translation>• List</translation>
    </message>
    <message>
      <source>Bulleted list (Tab indents an item)</source>
      <translation>Bulleted list (Tab indents an item)</translation>
    </message>
    <message>
      <source>1. List</source>
      <translation>1. List</translation>
    </message>
    <message>
      <source>Numbered list</source>
      <translation>Numbered list</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Quote</translation>
    </message>
    <message>
      <source>Make the paragraphs a quotation</source>
      <translation>Make the paragraphs a quotation</translation>
    </message>
    <message>
      <source>Insert a link (Ctrl+K)</source>
      <translation>Insert a link (Ctrl+K)</translation>
    </message>
    <message>
      <source>Picture</source>
      <translation>Picture</translation>
    </message>
    <message>
      <source>Insert a picture from a file</source>
      <translation>Insert a picture from a file</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>Insert a table; the arrow adds or removes rows and columns</source>
      <translation>Insert a table; the arrow adds or removes rows and columns</translation>
    </message>
    <message>
      <source>Open Word file…</source>
      <translation>Open Word file…</translation>
    </message>
    <message>
      <source>Bring in a .docx file: its text, formatting and pictures</source>
      <translation>Bring in a .docx file: its text, formatting and pictures</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>Show the page as the portal will show it</source>
      <translation>Show the page as the portal will show it</translation>
    </message>
    <message>
      <source>Spelling</source>
      <translation>Spelling</translation>
    </message>
    <message>
      <source>Underline misspelt Vietnamese words</source>
      <translation>Underline misspelt Vietnamese words</translation>
    </message>
    <message>
      <source>Insert a table</source>
      <translation>Insert a table</translation>
    </message>
    <message>
      <source>Add a row above</source>
      <translation>Add a row above</translation>
    </message>
    <message>
      <source>Add a row below</source>
      <translation>Add a row below</translation>
    </message>
    <message>
      <source>Add a column to the left</source>
      <translation>Add a column to the left</translation>
    </message>
    <message>
      <source>Add a column to the right</source>
      <translation>Add a column to the right</translation>
    </message>
    <message>
      <source>Remove the row</source>
      <translation>Remove the row</translation>
    </message>
    <message>
      <source>Remove the column</source>
      <translation>Remove the column</translation>
    </message>
    <message>
      <source>Remove the table</source>
      <translation>Remove the table</translation>
    </message>
    <message>
      <source>Formatting</source>
      <translation>Formatting</translation>
    </message>
  </context>
  <context>
    <name>GrantsScreen</name>
    <message>
      <source>Grants</source>
      <translation>Grants</translation>
    </message>
    <message>
      <source>All sections</source>
      <translation>All sections</translation>
    </message>
    <message>
      <source>Revoked %1</source>
      <translation>Revoked %1</translation>
    </message>
    <message>
      <source>Editing (step 2)</source>
      <translation>Editing (step 2)</translation>
    </message>
    <message>
      <source>Approval (step 3)</source>
      <translation>Approval (step 3)</translation>
    </message>
    <message>
      <source>Choose the person who receives the right.</source>
      <translation>Choose the person who receives the right.</translation>
    </message>
    <message>
      <source>Write the dates as dd/mm/yyyy.</source>
      <translation>Write the dates as dd/mm/yyyy.</translation>
    </message>
    <message>
      <source>The end of the period must come after its start.</source>
      <translation>The end of the period must come after its start.</translation>
    </message>
    <message>
      <source>Choose at least one section, or all sections.</source>
      <translation>Choose at least one section, or all sections.</translation>
    </message>
    <message>
      <source>Write the number of the assignment decision.</source>
      <translation>Write the number of the assignment decision.</translation>
    </message>
    <message>
      <source>The right was given.</source>
      <translation>The right was given.</translation>
    </message>
    <message>
      <source>Choose a grant in the list first.</source>
      <translation>Choose a grant in the list first.</translation>
    </message>
    <message>
      <source>This grant is already revoked.</source>
      <translation>This grant is already revoked.</translation>
    </message>
    <message>
      <source>Revoke the right of %1 from now on?</source>
      <translation>Revoke the right of %1 from now on?</translation>
    </message>
    <message>
      <source>Revoke</source>
      <translation>Revoke</translation>
    </message>
    <message>
      <source>The right was revoked.</source>
      <translation>The right was revoked.</translation>
    </message>
    <message>
      <source>The head gives editing and approval rights; the deputy gives editing rights. A right covers some sections (or all) for a period and cites the decision. Changes need the portal: they are not possible offline.</source>
      <translation>The head gives editing and approval rights; the deputy gives editing rights. A right covers some sections (or all) for a period and cites the decision. Changes need the portal: they are not possible offline.</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Given by</source>
      <translation>Given by</translation>
    </message>
    <message>
      <source>Revoked</source>
      <translation>Revoked</translation>
    </message>
    <message>
      <source>Revoke the chosen grant…</source>
      <translation>Revoke the chosen grant…</translation>
    </message>
    <message>
      <source>Give a right</source>
      <translation>Give a right</translation>
    </message>
    <message>
      <source>&amp;Person</source>
      <translation>&amp;Person</translation>
    </message>
    <message>
      <source>S&amp;tep</source>
      <translation>S&amp;tep</translation>
    </message>
    <message>
      <source>Se&amp;ctions</source>
      <translation>Se&amp;ctions</translation>
    </message>
    <message>
      <source>Period (from, until)</source>
      <translation>Period (from, until)</translation>
    </message>
    <message>
      <source>&amp;Decision (required)</source>
      <translation>&amp;Decision (required)</translation>
    </message>
    <message>
      <source>Valid from</source>
      <translation>Valid from</translation>
    </message>
    <message>
      <source>Valid until (empty: no end)</source>
      <translation>Valid until (empty: no end)</translation>
    </message>
    <message>
      <source>Number of the assignment decision</source>
      <translation>Number of the assignment decision</translation>
    </message>
    <message>
      <source>Give the right</source>
      <translation>Give the right</translation>
    </message>
  </context>
  <context>
    <name>HeadNoticesBar</name>
    <message>
      <source>Yearly report</source>
      <translation>Yearly report</translation>
    </message>
    <message>
      <source>Sections not updated for too long</source>
      <translation>Sections not updated for too long</translation>
    </message>
    <message>
      <source>Reminders</source>
      <translation>Reminders</translation>
    </message>
  </context>
  <context>
    <name>HistoryRestore</name>
    <message>
      <source>Restore this version</source>
      <translation>Restore this version</translation>
    </message>
    <message>
      <source>Its content becomes the current text, as a new version; nothing is erased.</source>
      <translation>Its content becomes the current text, as a new version; nothing is erased.</translation>
    </message>
    <message>
      <source>Restore version</source>
      <translation>Restore version</translation>
    </message>
    <message>
      <source>The content of version %1 becomes the current text (a new version). Restore it?</source>
      <translation>The content of version %1 becomes the current text (a new version). Restore it?</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Suggested: %1 (from the section's fields)</source>
      <extracomment>Section id → its template (set by the item page from the store; issue 20). The body's Markdown as last loaded or written (None: the document changed since).</extracomment>
      <translation>Suggested: %1 (from the section's fields)</translation>
    </message>
    <message>
      <source>Cannot be submitted yet:</source>
      <translation>Cannot be submitted yet:</translation>
    </message>
    <message>
      <source>Ready to submit.</source>
      <translation>Ready to submit.</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Title</translation>
    </message>
    <message>
      <source>Su&amp;mmary</source>
      <translation>Su&amp;mmary</translation>
    </message>
    <message>
      <source>&amp;Category, language</source>
      <translation>&amp;Category, language</translation>
    </message>
    <message>
      <source>&amp;Origin, author</source>
      <translation>&amp;Origin, author</translation>
    </message>
    <message>
      <source>So&amp;urce</source>
      <translation>So&amp;urce</translation>
    </message>
    <message>
      <source>A short, clear headline</source>
      <translation>A short, clear headline</translation>
    </message>
    <message>
      <source>One or two sentences that sum up the item</source>
      <translation>One or two sentences that sum up the item</translation>
    </message>
    <message>
      <source>Write the item here. Use the buttons above for bold, headings, lists, links, images and tables.</source>
      <translation>Write the item here. Use the buttons above for bold, headings, lists, links, images and tables.</translation>
    </message>
    <message>
      <source>Read only: this item cannot be changed by you at this step.</source>
      <translation>Read only: this item cannot be changed by you at this step.</translation>
    </message>
    <message>
      <source>Source name (required for a repost)</source>
      <translation>Source name (required for a repost)</translation>
    </message>
    <message>
      <source>Source address: https://…</source>
      <translation>Source address: https://…</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Preview: as the portal will show it</source>
      <translation>Preview: as the portal will show it</translation>
    </message>
    <message>
      <source>Section details</source>
      <translation>Section details</translation>
    </message>
    <message>
      <source>Providing &amp;unit</source>
      <translation>Providing &amp;unit</translation>
    </message>
    <message>
      <source>Deadline counts &amp;from</source>
      <translation>Deadline counts &amp;from</translation>
    </message>
    <message>
      <source>On the public pages</source>
      <translation>On the public pages</translation>
    </message>
    <message>
      <source>Providing unit</source>
      <translation>Providing unit</translation>
    </message>
    <message>
      <source>Deadline counts from</source>
      <translation>Deadline counts from</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>Body</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Origin</source>
      <translation>Origin</translation>
    </message>
    <message>
      <source>Source name</source>
      <translation>Source name</translation>
    </message>
    <message>
      <source>Source address</source>
      <translation>Source address</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Preview</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>(untitled)</source>
      <extracomment>The action Ctrl+Enter does, in order of preference. A draft made with "New item" and not touched yet: dropped when left (issue 17). The last write started here (an action, a file), for whoever waits on it.</extracomment>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>View on the portal</source>
      <translation>View on the portal</translation>
    </message>
    <message>
      <source>The portal refused a change: %1 Your text is kept.</source>
      <translation>The portal refused a change: %1 Your text is kept.</translation>
    </message>
    <message>
      <source>Nothing to compare yet: the item has not been submitted.</source>
      <translation>Nothing to compare yet: the item has not been submitted.</translation>
    </message>
    <message>
      <source>The submitted version is not on this computer yet; it arrives with the next sync.</source>
      <translation>The submitted version is not on this computer yet; it arrives with the next sync.</translation>
    </message>
    <message>
      <source>Changes since the author handed it over (version %1): added words in green, removed words struck through in red.</source>
      <translation>Changes since the author handed it over (version %1): added words in green, removed words struck through in red.</translation>
    </message>
    <message>
      <source>%1 (on behalf of %2)</source>
      <translation>%1 (on behalf of %2)</translation>
    </message>
    <message>
      <source>Approve and publish “%1”? It will appear on the portal's public site.</source>
      <translation>Approve and publish “%1”? It will appear on the portal's public site.</translation>
    </message>
    <message>
      <source>Write the reason. The author and the board will see it.</source>
      <translation>Write the reason. The author and the board will see it.</translation>
    </message>
    <message>
      <source>This action is not possible now.</source>
      <translation>This action is not possible now.</translation>
    </message>
    <message>
      <source>Done: %1. It will be sent to the portal with the next sync.</source>
      <translation>Done: %1. It will be sent to the portal with the next sync.</translation>
    </message>
    <message>
      <source>Delete the draft “%1”? It has never been submitted; it is deleted for good.</source>
      <translation>Delete the draft “%1”? It has never been submitted; it is deleted for good.</translation>
    </message>
    <message>
      <source>Draft deleted: %1</source>
      <translation>Draft deleted: %1</translation>
    </message>
    <message>
      <source>Someone else changed the same text. Both versions are kept: choose what to keep.</source>
      <translation>Someone else changed the same text. Both versions are kept: choose what to keep.</translation>
    </message>
    <message>
      <source>Resolve the conflict</source>
      <translation>Resolve the conflict</translation>
    </message>
    <message>
      <source>Returned by %1 on %2.</source>
      <translation>Returned by %1 on %2.</translation>
    </message>
    <message>
      <source>← Back</source>
      <translation>← Back</translation>
    </message>
    <message>
      <source>Understood</source>
      <translation>Understood</translation>
    </message>
    <message>
      <source>Back to the list</source>
      <translation>Back to the list</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>Content</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Comments</source>
      <translation>Comments</translation>
    </message>
    <message>
      <source>History</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Write a comment for the board…</source>
      <translation>Write a comment for the board…</translation>
    </message>
    <message>
      <source>New comment</source>
      <translation>New comment</translation>
    </message>
    <message>
      <source>Add comment</source>
      <translation>Add comment</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>When</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>Comment</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Changed the content</source>
      <translation>Changed the content</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Draft</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Waiting for editing</source>
      <translation>Waiting for editing</translation>
    </message>
    <message>
      <source>Waiting for approval</source>
      <translation>Waiting for approval</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Taken down</source>
      <translation>Taken down</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>Submit for editing</source>
      <translation>Submit for editing</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <source>Forward for approval</source>
      <translation>Forward for approval</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Return</translation>
    </message>
    <message>
      <source>Approve and publish</source>
      <translation>Approve and publish</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>Take down</source>
      <translation>Take down</translation>
    </message>
    <message>
      <source>Delete draft</source>
      <translation>Delete draft</translation>
    </message>
    <message>
      <source>1 Write</source>
      <translation>1 Write</translation>
    </message>
    <message>
      <source>2 Edit</source>
      <translation>2 Edit</translation>
    </message>
    <message>
      <source>3 Approve</source>
      <translation>3 Approve</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Saved on this computer</source>
      <translation>Saved on this computer</translation>
    </message>
    <message>
      <source>Waiting to sync</source>
      <translation>Waiting to sync</translation>
    </message>
    <message>
      <source>Synced</source>
      <translation>Synced</translation>
    </message>
    <message>
      <source>Conflict: choose a version</source>
      <translation>Conflict: choose a version</translation>
    </message>
    <message>
      <source>Sync failed</source>
      <translation>Sync failed</translation>
    </message>
    <message>
      <source>Head</source>
      <translation>Head</translation>
    </message>
    <message>
      <source>Deputy head</source>
      <translation>Deputy head</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <source>Repost</source>
      <translation>Repost</translation>
    </message>
    <message>
      <source>Next: the author submits it</source>
      <translation>Next: the author submits it</translation>
    </message>
    <message>
      <source>Next: a deputy head edits and forwards it</source>
      <translation>Next: a deputy head edits and forwards it</translation>
    </message>
    <message>
      <source>Next: the head approves it</source>
      <translation>Next: the head approves it</translation>
    </message>
    <message>
      <source>On the portal</source>
      <translation>On the portal</translation>
    </message>
    <message>
      <source>Stopped: rejected</source>
      <translation>Stopped: rejected</translation>
    </message>
    <message>
      <source>Stopped: taken down</source>
      <translation>Stopped: taken down</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>Body</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Origin</source>
      <translation>Origin</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>Attachments</translation>
    </message>
  </context>
  <context>
    <name>LockCover</name>
    <message>
      <source>The editorial desk is locked</source>
      <extracomment>Input that counts as the person being there.</extracomment>
      <translation>The editorial desk is locked</translation>
    </message>
    <message>
      <source>Enter your password to go on working.</source>
      <translation>Enter your password to go on working.</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Unlock</translation>
    </message>
    <message>
      <source>Wrong password.</source>
      <translation>Wrong password.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Conflict resolved; your choice is sent to the portal with the next sync.</source>
      <extracomment>The last background write started here (a new draft), for whoever waits on it.</extracomment>
      <translation>Conflict resolved; your choice is sent to the portal with the next sync.</translation>
    </message>
    <message numerus="yes">
      <source>%n operation(s) waiting</source>
      <translation>
        <numerusform>%n operation waiting</numerusform>
        <numerusform>%n operations waiting</numerusform>
      </translation>
    </message>
    <message>
      <source>Nothing waiting</source>
      <translation>Nothing waiting</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>Connecting…</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Last sync %1</source>
      <translation>Last sync %1</translation>
    </message>
    <message>
      <source>Not synced yet</source>
      <translation>Not synced yet</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>New in your queue: %1</source>
      <translation>New in your queue: %1</translation>
    </message>
    <message>
      <source>Published: %1</source>
      <translation>Published: %1</translation>
    </message>
    <message>
      <source>Returned to you: %1</source>
      <translation>Returned to you: %1</translation>
    </message>
    <message>
      <source>Editorial desk</source>
      <translation>Editorial desk</translation>
    </message>
    <message>
      <source>Due %1: %2</source>
      <translation>Due %1: %2</translation>
    </message>
    <message>
      <source>&lt;b&gt;Editorial desk&lt;/b&gt; %1&lt;br&gt;The three-step editorial process of the provincial regulations (BD-22): create, edit, approve.&lt;br&gt;Your drafts and settings stay in your user folder, outside the install folder.</source>
      <translation>&lt;b&gt;Editorial desk&lt;/b&gt; %1&lt;br&gt;The three-step editorial process of the provincial regulations (BD-22): create, edit, approve.&lt;br&gt;Your drafts and settings stay in your user folder, outside the install folder.</translation>
    </message>
    <message>
      <source>Portal: %1</source>
      <translation>Portal: %1</translation>
    </message>
    <message>
      <source>About Editorial desk</source>
      <translation>About Editorial desk</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>New item (Ctrl+N)</source>
      <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>Sync now (F5)</source>
      <translation>Sync now (F5)</translation>
    </message>
    <message>
      <source>Screens</source>
      <translation>Screens</translation>
    </message>
    <message>
      <source>Switch demo account</source>
      <translation>Switch demo account</translation>
    </message>
    <message>
      <source>Demo account:</source>
      <translation>Demo account:</translation>
    </message>
    <message>
      <source>Syncing</source>
      <translation>Syncing</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>Edit a merge</source>
      <translation>Edit a merge</translation>
    </message>
  </context>
  <context>
    <name>MyItemsScreen</name>
    <message>
      <source>(untitled)</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>Delete the draft “%1”? It has never been submitted; it is deleted for good.</source>
      <translation>Delete the draft “%1”? It has never been submitted; it is deleted for good.</translation>
    </message>
    <message>
      <source>My items</source>
      <translation>My items</translation>
    </message>
    <message>
      <source>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</source>
      <translation>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</translation>
    </message>
    <message>
      <source>%n draft(s)</source>
      <translation>%n draft(s)</translation>
    </message>
    <message>
      <source>All my items</source>
      <translation>All my items</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>New item (Ctrl+N)</source>
      <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>New item</translation>
    </message>
  </context>
  <context>
    <name>PasswordFlow</name>
    <message>
      <source>Account</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>Change password…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Sign out</translation>
    </message>
    <message>
      <source>About (F1)</source>
      <translation>About (F1)</translation>
    </message>
    <message>
      <source>Switch profile</source>
      <translation>Switch profile</translation>
    </message>
    <message>
      <source>Add portal or account…</source>
      <translation>Add portal or account…</translation>
    </message>
    <message>
      <source>Change password now</source>
      <translation>Change password now</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Later</translation>
    </message>
    <message>
      <source>Your password was reset: change it before going on.</source>
      <translation>Your password was reset: change it before going on.</translation>
    </message>
    <message>
      <source>Your password has expired: change it before going on.</source>
      <translation>Your password has expired: change it before going on.</translation>
    </message>
    <message numerus="yes">
      <source>Your password expires in %n day(s): please change it.</source>
      <translation>
        <numerusform>Your password expires in %n day: please change it.</numerusform>
        <numerusform>Your password expires in %n days: please change it.</numerusform>
      </translation>
    </message>
    <message>
      <source>Your password was changed.</source>
      <translation>Your password was changed.</translation>
    </message>
  </context>
  <context>
    <name>PasteConversion</name>
    <message>
      <source>The pasted text may be in an old Vietnamese encoding (TCVN3 or VNI). How should it be read?</source>
      <extracomment>(watched object, its field): a text edit's context menu event goes to its viewport</extracomment>
      <translation>The pasted text may be in an old Vietnamese encoding (TCVN3 or VNI). How should it be read?</translation>
    </message>
    <message numerus="yes">
      <source>Converted %n word(s) from %1 to Unicode.</source>
      <translation>
        <numerusform>Converted %n word from %1 to Unicode.</numerusform>
        <numerusform>Converted %n words from %1 to Unicode.</numerusform>
      </translation>
    </message>
    <message>
      <source>Convert as TCVN3</source>
      <translation>Convert as TCVN3</translation>
    </message>
    <message>
      <source>Convert as VNI</source>
      <translation>Convert as VNI</translation>
    </message>
    <message>
      <source>Keep as is</source>
      <translation>Keep as is</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>Put back the text as it was pasted</source>
      <translation>Put back the text as it was pasted</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Pasted text conversion</source>
      <translation>Pasted text conversion</translation>
    </message>
  </context>
  <context>
    <name>PublicLinks</name>
    <message>
      <source>Public on:</source>
      <translation>Public on:</translation>
    </message>
    <message>
      <source>Public addresses</source>
      <translation>Public addresses</translation>
    </message>
  </context>
  <context>
    <name>PublishQueueScreen</name>
    <message>
      <source>Publish queue</source>
      <translation>Publish queue</translation>
    </message>
    <message>
      <source>%n failed</source>
      <translation>%n failed</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>Waiting</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Failed</translation>
    </message>
    <message>
      <source>Taken down</source>
      <translation>Taken down</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>Double-click to open the item</source>
      <translation>Double-click to open the item</translation>
    </message>
    <message>
      <source>No reason given</source>
      <translation>No reason given</translation>
    </message>
    <message numerus="yes">
      <source>%n job(s) will be tried again now.</source>
      <translation>
        <numerusform>%n job will be tried again now.</numerusform>
        <numerusform>%n jobs will be tried again now.</numerusform>
      </translation>
    </message>
    <message>
      <source>Approved items go to the agency's other sites after each sync. A failed one shows the reason; select it and press Retry.</source>
      <translation>Approved items go to the agency's other sites after each sync. A failed one shows the reason; select it and press Retry.</translation>
    </message>
    <message>
      <source>All jobs</source>
      <translation>All jobs</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Show</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Retry</translation>
    </message>
    <message>
      <source>Try the selected jobs again now</source>
      <translation>Try the selected jobs again now</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Link or reason</source>
      <translation>Link or reason</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Attempts</translation>
    </message>
    <message>
      <source>Publish jobs</source>
      <translation>Publish jobs</translation>
    </message>
    <message>
      <source>Nothing to publish right now.</source>
      <translation>Nothing to publish right now.</translation>
    </message>
  </context>
  <context>
    <name>PublishedScreen</name>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Published on</source>
      <translation>Published on</translation>
    </message>
    <message>
      <source>Items on the portal now. The head can take an item down, giving a reason.</source>
      <translation>Items on the portal now. The head can take an item down, giving a reason.</translation>
    </message>
  </context>
  <context>
    <name>QuestionsScreen</name>
    <message>
      <source>Citizens' questions</source>
      <translation>Citizens' questions</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Being answered</source>
      <translation>Being answered</translation>
    </message>
    <message>
      <source>Answered</source>
      <translation>Answered</translation>
    </message>
    <message>
      <source>Redirected</source>
      <translation>Redirected</translation>
    </message>
    <message>
      <source>Declined</source>
      <translation>Declined</translation>
    </message>
    <message>
      <source>%1 (late)</source>
      <translation>%1 (late)</translation>
    </message>
    <message>
      <source>%1 (due soon)</source>
      <translation>%1 (due soon)</translation>
    </message>
    <message>
      <source>Choose a question in the list.</source>
      <translation>Choose a question in the list.</translation>
    </message>
    <message>
      <source>Asked by %1 (%2), code %3</source>
      <translation>Asked by %1 (%2), code %3</translation>
    </message>
    <message>
      <source>The question was assigned.</source>
      <translation>The question was assigned.</translation>
    </message>
    <message>
      <source>Name the competent agency and write what the asker will read.</source>
      <translation>Name the competent agency and write what the asker will read.</translation>
    </message>
    <message>
      <source>The question was redirected; the asker sees it on the tracking page.</source>
      <translation>The question was redirected; the asker sees it on the tracking page.</translation>
    </message>
    <message>
      <source>Write the reason the asker will read.</source>
      <translation>Write the reason the asker will read.</translation>
    </message>
    <message>
      <source>The question was declined.</source>
      <translation>The question was declined.</translation>
    </message>
    <message>
      <source>The answer is a new draft of the Q&amp;A section: write it and send it on.</source>
      <translation>The answer is a new draft of the Q&amp;A section: write it and send it on.</translation>
    </message>
    <message>
      <source>Questions citizens sent through the portal. Answer within 15 working days; redirect at once what another agency must answer. Contact details are for the board only.</source>
      <translation>Questions citizens sent through the portal. Answer within 15 working days; redirect at once what another agency must answer. Contact details are for the board only.</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>Question</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Assigned to</source>
      <translation>Assigned to</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>The question</source>
      <translation>The question</translation>
    </message>
    <message>
      <source>Assign to</source>
      <translation>Assign to</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>Assign</translation>
    </message>
    <message>
      <source>Write the answer</source>
      <translation>Write the answer</translation>
    </message>
    <message>
      <source>Competent agency</source>
      <translation>Competent agency</translation>
    </message>
    <message>
      <source>For the asker</source>
      <translation>For the asker</translation>
    </message>
    <message>
      <source>Redirect</source>
      <translation>Redirect</translation>
    </message>
    <message>
      <source>Decline</source>
      <translation>Decline</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Waiting since</source>
      <extracomment>The site's zone: every time shown is in it (models/clock). What the "since" column means on this queue ("Waiting since", "Published on"…).</extracomment>
      <translation>Waiting since</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>Scheduled</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(untitled)</translation>
    </message>
  </context>
  <context>
    <name>QueueScreen</name>
    <message>
      <source>Reading the list of items…</source>
      <translation>Reading the list of items…</translation>
    </message>
    <message>
      <source>Nothing here right now.</source>
      <translation>Nothing here right now.</translation>
    </message>
    <message>
      <source>Waiting since</source>
      <translation>Waiting since</translation>
    </message>
  </context>
  <context>
    <name>QueueView</name>
    <message>
      <source>Open</source>
      <extracomment>The Delete key or the context menu's "Delete draft" on a row (the screen decides). Whether rows offer "Delete draft" (My items); the screen checks each row.</extracomment>
      <translation>Open</translation>
    </message>
    <message>
      <source>Delete draft…</source>
      <translation>Delete draft…</translation>
    </message>
    <message>
      <source>Filter (Ctrl+F): title, category, author…</source>
      <translation>Filter (Ctrl+F): title, category, author…</translation>
    </message>
    <message>
      <source>Filter the list</source>
      <translation>Filter the list</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Items</translation>
    </message>
  </context>
  <context>
    <name>ReportsScreen</name>
    <message>
      <source>Reports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>The period ends before it starts.</translation>
    </message>
    <message>
      <source>Working out the figures…</source>
      <translation>Working out the figures…</translation>
    </message>
    <message>
      <source>Published: %1 · within the deadline: %2 · returned: %3 · rejected: %4 · taken down: %5</source>
      <translation>Published: %1 · within the deadline: %2 · returned: %3 · rejected: %4 · taken down: %5</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>Responsible unit</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Passes</source>
      <translation>Passes</translation>
    </message>
    <message>
      <source>Average hours</source>
      <translation>Average hours</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Day</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Items published</source>
      <translation>Items published</translation>
    </message>
    <message>
      <source>by section</source>
      <translation>by section</translation>
    </message>
    <message>
      <source>by unit</source>
      <translation>by unit</translation>
    </message>
    <message>
      <source>Average hours at each step</source>
      <translation>Average hours at each step</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Within deadline</source>
      <translation>Within deadline</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>Late</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Taken down</source>
      <translation>Taken down</translation>
    </message>
    <message>
      <source>Save the report as a Word file</source>
      <translation>Save the report as a Word file</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Word documents (*.docx)</translation>
    </message>
    <message>
      <source>Save the figures as CSV</source>
      <translation>Save the figures as CSV</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <source>Date range</source>
      <translation>Date range</translation>
    </message>
    <message>
      <source>Report period</source>
      <translation>Report period</translation>
    </message>
    <message>
      <source>Quarter %1</source>
      <translation>Quarter %1</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>To</source>
      <translation>To</translation>
    </message>
    <message>
      <source>Make the report</source>
      <translation>Make the report</translation>
    </message>
    <message>
      <source>Export .docx…</source>
      <translation>Export .docx…</translation>
    </message>
    <message>
      <source>The report in the province's template (BD-27)</source>
      <translation>The report in the province's template (BD-27)</translation>
    </message>
    <message>
      <source>Export .csv…</source>
      <translation>Export .csv…</translation>
    </message>
    <message>
      <source>The raw figures, for a spreadsheet</source>
      <translation>The raw figures, for a spreadsheet</translation>
    </message>
    <message>
      <source>By section</source>
      <translation>By section</translation>
    </message>
    <message>
      <source>By unit</source>
      <translation>By unit</translation>
    </message>
    <message>
      <source>Time at each step</source>
      <translation>Time at each step</translation>
    </message>
    <message>
      <source>Take-downs</source>
      <translation>Take-downs</translation>
    </message>
    <message>
      <source>Nothing published in this period.</source>
      <translation>Nothing published in this period.</translation>
    </message>
  </context>
  <context>
    <name>RichEdit</name>
    <message numerus="yes">
      <source>%n picture(s) could not come with the paste: add them as files.</source>
      <translation>
        <numerusform>%n picture could not come with the paste: add them as files.</numerusform>
        <numerusform>%n pictures could not come with the paste: add them as files.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ScheduleFields</name>
    <message>
      <source>Publish at</source>
      <translation>Publish at</translation>
    </message>
    <message>
      <source>Approved items stay off the public pages until this minute.</source>
      <translation>Approved items stay off the public pages until this minute.</translation>
    </message>
    <message>
      <source>Take down at</source>
      <translation>Take down at</translation>
    </message>
    <message>
      <source>The portal takes the item down by itself at this minute.</source>
      <translation>The portal takes the item down by itself at this minute.</translation>
    </message>
  </context>
  <context>
    <name>Screen</name>
    <message>
      <source>%n waiting</source>
      <translation>%n waiting</translation>
    </message>
  </context>
  <context>
    <name>SearchBox</name>
    <message>
      <source>Search (Ctrl+K)</source>
      <translation>Search (Ctrl+K)</translation>
    </message>
    <message>
      <source>Search all items</source>
      <translation>Search all items</translation>
    </message>
    <message>
      <source>Search all items, with or without accents (Ctrl+K or Ctrl+Shift+F)</source>
      <translation>Search all items, with or without accents (Ctrl+K or Ctrl+Shift+F)</translation>
    </message>
  </context>
  <context>
    <name>SearchScreen</name>
    <message>
      <source>Search</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>(untitled)</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>Type words, with or without accents. Enter opens the selected item.</source>
      <translation>Type words, with or without accents. Enter opens the selected item.</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>Nothing found.</translation>
    </message>
    <message numerus="yes">
      <source>%n item(s) found, best first.</source>
      <translation>
        <numerusform>%n item found, best first.</numerusform>
        <numerusform>%n items found, best first.</numerusform>
      </translation>
    </message>
    <message>
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Search titles, summaries, bodies, sources, authors and document numbers</source>
      <translation>Search titles, summaries, bodies, sources, authors and document numbers</translation>
    </message>
    <message>
      <source>Search words</source>
      <translation>Search words</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Author</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>To</source>
      <translation>To</translation>
    </message>
    <message>
      <source>The first day (a dash: no limit)</source>
      <translation>The first day (a dash: no limit)</translation>
    </message>
    <message>
      <source>The last day (a dash: no limit)</source>
      <translation>The last day (a dash: no limit)</translation>
    </message>
    <message>
      <source>Search results</source>
      <translation>Search results</translation>
    </message>
  </context>
  <context>
    <name>Services</name>
    <message>
      <source>The portal cannot be reached. Your work is kept on this computer and will be sent when the connection is back.</source>
      <translation>The portal cannot be reached. Your work is kept on this computer and will be sent when the connection is back.</translation>
    </message>
    <message>
      <source>Something went wrong: %1</source>
      <translation>Something went wrong: %1</translation>
    </message>
  </context>
  <context>
    <name>SettingsScreen</name>
    <message>
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>&amp;Font size</source>
      <translation>&amp;Font size</translation>
    </message>
    <message>
      <source>&amp;Notifications</source>
      <translation>&amp;Notifications</translation>
    </message>
    <message>
      <source>&amp;Sync every</source>
      <translation>&amp;Sync every</translation>
    </message>
    <message>
      <source>&amp;Lock after idle for</source>
      <translation>&amp;Lock after idle for</translation>
    </message>
    <message>
      <source>Signed in as</source>
      <translation>Signed in as</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source> pt</source>
      <translation> pt</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Change password…</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>Tell me when an item enters my queue, or mine is returned or published</source>
      <translation>Tell me when an item enters my queue, or mine is returned or published</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Sync interval</source>
      <translation>Sync interval</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>Font size</translation>
    </message>
    <message>
      <source>Notifications</source>
      <translation>Notifications</translation>
    </message>
    <message>
      <source>Idle lock minutes</source>
      <translation>Idle lock minutes</translation>
    </message>
    <message>
      <source>Change password</source>
      <translation>Change password</translation>
    </message>
  </context>
  <context>
    <name>Splash</name>
    <message>
      <source>Starting…</source>
      <extracomment>What start-up goes through, in order (``Splash.say``).</extracomment>
      <translation>Starting…</translation>
    </message>
    <message>
      <source>Starting the demo portal…</source>
      <translation>Starting the demo portal…</translation>
    </message>
    <message>
      <source>Signing in…</source>
      <translation>Signing in…</translation>
    </message>
    <message>
      <source>Fetching the board's items…</source>
      <translation>Fetching the board's items…</translation>
    </message>
    <message>
      <source>Opening the window…</source>
      <translation>Opening the window…</translation>
    </message>
  </context>
  <context>
    <name>StepIndicator</name>
    <message>
      <source>1 Write (Cập nhật tin)</source>
      <translation>1 Write (Cập nhật tin)</translation>
    </message>
    <message>
      <source>2 Edit (Biên tập tin)</source>
      <translation>2 Edit (Biên tập tin)</translation>
    </message>
    <message>
      <source>3 Approve (Duyệt tin)</source>
      <translation>3 Approve (Duyệt tin)</translation>
    </message>
    <message>
      <source>Workflow step</source>
      <translation>Workflow step</translation>
    </message>
  </context>
  <context>
    <name>TakenDownScreen</name>
    <message>
      <source>Taken down or rejected</source>
      <translation>Taken down or rejected</translation>
    </message>
    <message>
      <source>Stopped on</source>
      <translation>Stopped on</translation>
    </message>
    <message>
      <source>Items taken down or rejected. They and their history are kept.</source>
      <translation>Items taken down or rejected. They and their history are kept.</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <source>Fill in the portal address, your account and your password.</source>
      <translation>Fill in the portal address, your account and your password.</translation>
    </message>
    <message>
      <source>Editorial desk</source>
      <translation>Editorial desk</translation>
    </message>
    <message>
      <source>Welcome to the editorial desk</source>
      <translation>Welcome to the editorial desk</translation>
    </message>
    <message>
      <source>Connect to your portal with the account the administrator gave you. Or try the demo: a portal on this computer with sample items and accounts.</source>
      <translation>Connect to your portal with the account the administrator gave you. Or try the demo: a portal on this computer with sample items and accounts.</translation>
    </message>
    <message>
      <source>Portal &amp;address</source>
      <translation>Portal &amp;address</translation>
    </message>
    <message>
      <source>A&amp;ccount</source>
      <translation>A&amp;ccount</translation>
    </message>
    <message>
      <source>&amp;Password</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <source>Portal address</source>
      <translation>Portal address</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Connect</translation>
    </message>
    <message>
      <source>Try the demo</source>
      <translation>Try the demo</translation>
    </message>
  </context>
</TS>
