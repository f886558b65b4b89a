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
      <source>Approve and publish %n item(s)? They will appear on the portal.</source>
      <translation>
        <numerusform>Approve and publish %n item? They will appear on the portal.</numerusform>
        <numerusform>Approve and publish %n items? They will appear on the portal.</numerusform>
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
    <name>ConflictsScreen</name>
    <message>
      <source>Conflicts</source>
      <translation>Conflicts</translation>
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
    <name>ItemEditor</name>
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
      <extracomment>The action Ctrl+Enter does, in order of preference.</extracomment>
      <translation>(untitled)</translation>
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
      <source>Changes since the author submitted it (version %1): added text in green, removed text struck through in red.</source>
      <translation>Changes since the author submitted it (version %1): added text in green, removed text struck through in red.</translation>
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
    <name>MainWindow</name>
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
    <name>MarkdownToolbar</name>
    <message>
      <source>bold text</source>
      <translation>bold text</translation>
    </message>
    <message>
      <source>italic text</source>
      <translation>italic text</translation>
    </message>
    <message>
      <source>link text</source>
      <translation>link text</translation>
    </message>
    <message>
      <source>image description</source>
      <translation>image description</translation>
    </message>
    <message>
      <source>Column 1</source>
      <translation>Column 1</translation>
    </message>
    <message>
      <source>Column 2</source>
      <translation>Column 2</translation>
    </message>
    <message>
      <source>cell</source>
      <translation>cell</translation>
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
      <source>Make the line a heading</source>
      <translation>Make the line a heading</translation>
    </message>
    <message>
      <source>List</source>
      <translation>List</translation>
    </message>
    <message>
      <source>Make the lines a bulleted list</source>
      <translation>Make the lines a bulleted list</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Quote</translation>
    </message>
    <message>
      <source>Make the lines a quotation</source>
      <translation>Make the lines a quotation</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Link</translation>
    </message>
    <message>
      <source>Insert a link (Ctrl+K)</source>
      <translation>Insert a link (Ctrl+K)</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>Image</translation>
    </message>
    <message>
      <source>Insert an image</source>
      <translation>Insert an image</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>Insert a table</source>
      <translation>Insert a table</translation>
    </message>
    <message>
      <source>Formatting</source>
      <translation>Formatting</translation>
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
      <source>My items</source>
      <translation>My items</translation>
    </message>
    <message>
      <source>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</source>
      <translation>Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts.</translation>
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
    <name>PublishedScreen</name>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Items on the portal now. The head can take an item down, giving a reason.</source>
      <translation>Items on the portal now. The head can take an item down, giving a reason.</translation>
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
      <translation>Waiting since</translation>
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
      <source>Nothing here right now.</source>
      <translation>Nothing here right now.</translation>
    </message>
  </context>
  <context>
    <name>QueueView</name>
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
      <source>&amp;Sync every (seconds)</source>
      <translation>&amp;Sync every (seconds)</translation>
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
      <source>Taken down</source>
      <translation>Taken down</translation>
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
