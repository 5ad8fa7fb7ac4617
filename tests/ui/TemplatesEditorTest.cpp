// Issue 15 item 5, the console part: Settings → Message templates shows each purpose × channel × language
// with the text a send would use (built in, or the tenant's own), edits one with a live preview and the
// problem shown as the user types, saves (admin only, audited) and removes it (built in again).

#include "ConsoleFixture.h"

#include "SettingsPage.h"
#include "TemplatesEditor.h"
#include "TemplatesModel.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace otp;
using namespace otp::ui;

using models::TemplatesModel;

class TemplatesEditorTest : public otp::test::ConsoleFixture
{
protected:
    TemplatesEditor* openEditor(const QString& login, const QString& role)
    {
        actAs(login, role);
        MainWindow& w = window();
        w.showPage(MainWindow::Settings);
        SettingsPage* page = w.settingsPage();
        page->showTab(SettingsPage::TemplatesTab);
        TemplatesEditor* editor = page->templatesEditor();
        // Showing the tab loads the tenant's templates on the worker thread.
        if (editor->model()->rowCount() == 0) {
            QSignalSpy loaded(editor->model(), &TemplatesModel::loaded);
            EXPECT_TRUE(loaded.wait(5000));
        }
        return editor;
    }
    static Outcome finish(TemplatesEditor* editor, const std::function<void()>& action)
    {
        QSignalSpy finished(editor->model(), &TemplatesModel::finished);
        QSignalSpy loaded(editor->model(), &TemplatesModel::loaded);
        action();
        EXPECT_TRUE(finished.count() > 0 || finished.wait(5000));
        EXPECT_TRUE(loaded.count() > 0 || loaded.wait(5000)); // the reload after the write
        return finished.isEmpty() ? Outcome{} : finished.first().first().value<Outcome>();
    }
};

static const QString kHindi = QStringLiteral("{app} में लॉगिन के लिए आपका कोड {code} है। {minutes} मिनट तक मान्य।");

TEST_F(TemplatesEditorTest, AnAdminEditsAHindiTemplateWithPreviewAndProblemSavesAndRemovesIt)
{
    ASSERT_EQ(m_db.service()
                  .policySet(QStringLiteral("default"), std::nullopt,
                             {{QStringLiteral("message_language"), QStringLiteral("hi")}, {QStringLiteral("app_name"), QStringLiteral("Acme Pay")}},
                             Actor{QStringLiteral("meera"), QStringLiteral("admin")})
                  .status,
              OutcomeStatus::Ok);
    TemplatesEditor* editor = openEditor(QStringLiteral("meera"), QStringLiteral("admin"));
    TemplatesModel* model = editor->model();
    ASSERT_EQ(model->rowCount(), 4 * 3 * 3) << "purpose × channel × shipped language";
    EXPECT_EQ(model->messageLanguage(), QStringLiteral("hi"));
    EXPECT_EQ(model->appName(), QStringLiteral("Acme Pay"));
    EXPECT_TRUE(editor->policyLabel()->text().contains(QStringLiteral("Acme Pay"))) << editor->policyLabel()->text().toStdString();
    EXPECT_TRUE(editor->policyLabel()->text().contains(QStringLiteral("हिन्दी"))) << editor->policyLabel()->text().toStdString();

    // The Hindi login SMS is built in: its text is the shipped one.
    const int row = model->rowOf(Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    ASSERT_GE(row, 0);
    EXPECT_TRUE(model->rowAt(row).builtIn);
    EXPECT_EQ(model->index(row, TemplatesModel::SourceColumn).data().toString(), QStringLiteral("built in"));
    editor->table()->selectRow(row);
    EXPECT_EQ(editor->bodyEdit()->toPlainText(), MessageTemplates::builtInBody(Purpose::Login, Channel::Sms, QStringLiteral("hi")));
    EXPECT_TRUE(editor->previewLabel()->text().contains(QStringLiteral("Acme Pay")));
    EXPECT_FALSE(editor->removeButton()->isEnabled()) << "nothing of the tenant's own to remove";

    // A body without {code}: the problem shows as the user types, Save is off, and save() writes nothing.
    editor->bodyEdit()->setPlainText(QStringLiteral("{app} में लॉगिन के लिए आपका कोड है।"));
    EXPECT_TRUE(editor->problemLabel()->isVisibleTo(editor));
    EXPECT_TRUE(editor->problemLabel()->text().contains(QStringLiteral("{code}"))) << editor->problemLabel()->text().toStdString();
    EXPECT_FALSE(editor->saveButton()->isEnabled());
    editor->save();
    EXPECT_TRUE(editor->resultLabel()->text().startsWith(QStringLiteral("Not saved"))) << editor->resultLabel()->text().toStdString();
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates")), 0);

    // Typed with the placeholder buttons: the preview renders sample values live.
    editor->bodyEdit()->setPlainText(QStringLiteral("{app} में लॉगिन के लिए आपका कोड  है। {minutes} मिनट तक मान्य।"));
    QTextCursor c = editor->bodyEdit()->textCursor();
    c.setPosition(QStringLiteral("{app} में लॉगिन के लिए आपका कोड ").size());
    editor->bodyEdit()->setTextCursor(c);
    editor->findChild<QPushButton*>(QStringLiteral("insert_code"))->click();
    EXPECT_EQ(editor->bodyEdit()->toPlainText(), kHindi);
    EXPECT_FALSE(editor->problemLabel()->isVisibleTo(editor));
    EXPECT_EQ(editor->previewLabel()->text(),
              MessageTemplates::render(kHindi, QStringLiteral("482913"), model->ttlMinutes(), QStringLiteral("Acme Pay"), Purpose::Login));
    EXPECT_TRUE(editor->previewLabel()->text().startsWith(QStringLiteral("Acme Pay में लॉगिन के लिए आपका कोड 482913 है।")))
        << editor->previewLabel()->text().toStdString();
    ASSERT_TRUE(editor->saveButton()->isEnabled());

    const Outcome saved = finish(editor, [&]() { editor->saveButton()->click(); });
    EXPECT_EQ(saved.status, OutcomeStatus::Ok) << saved.message.toStdString();
    EXPECT_EQ(editor->resultLabel()->text(), QStringLiteral("Saved: the next codes travel in this text."));
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates WHERE tenant = 'default' AND purpose = 'login' "
                                        "AND channel = 'sms' AND language = 'hi' AND updated_by = 'meera' AND body = ?"),
                         {kHindi}),
              1);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'template_set' AND actor = 'meera' "
                                        "AND role = 'admin' AND tenant = 'default' AND target = 'login/sms/hi'")),
              1);
    const int own = model->rowOf(Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    ASSERT_GE(own, 0);
    EXPECT_FALSE(model->rowAt(own).builtIn);
    EXPECT_EQ(model->rowAt(own).body, kHindi);
    EXPECT_TRUE(model->index(own, TemplatesModel::SourceColumn).data().toString().contains(QStringLiteral("meera")));
    EXPECT_TRUE(model->index(own, TemplatesModel::TextColumn).data(Qt::FontRole).value<QFont>().bold()) << "the tenant's own text shows bold";
    EXPECT_EQ(editor->bodyEdit()->toPlainText(), kHindi) << "the editor stays on the saved text";
    EXPECT_TRUE(editor->removeButton()->isEnabled());
    EXPECT_FALSE(editor->saveButton()->isEnabled()) << "nothing changed since the save";

    // Remove: the built-in text again.
    const Outcome removed = finish(editor, [&]() { editor->removeButton()->click(); });
    EXPECT_EQ(removed.status, OutcomeStatus::Ok) << removed.message.toStdString();
    EXPECT_EQ(editor->resultLabel()->text(), QStringLiteral("Removed: sends use the built-in text again."));
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates")), 0);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'template_remove' AND actor = 'meera'")), 1);
    const int back = model->rowOf(Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    EXPECT_TRUE(model->rowAt(back).builtIn);
    EXPECT_EQ(editor->bodyEdit()->toPlainText(), MessageTemplates::builtInBody(Purpose::Login, Channel::Sms, QStringLiteral("hi")));
    EXPECT_FALSE(editor->removeButton()->isEnabled());
}

// The core refuses an SMS text that differs from an enabled Gupshup vendor's DLT registration, naming the
// vendor: the console says so in plain words and keeps the text in the editor to be corrected.
TEST_F(TemplatesEditorTest, ADltMismatchIsRefusedNamingTheVendorAndTheTextStays)
{
    const Actor admin{QStringLiteral("meera"), QStringLiteral("admin")};
    VendorConfig g;
    g.name = QStringLiteral("gupshup-in");
    g.kind = QStringLiteral("gupshup");
    g.secretName = QStringLiteral("vendor/gupshup");
    g.settings = {{QStringLiteral("base_url"), QStringLiteral("https://enterprise.smsgupshup.com")},
                  {QStringLiteral("userid"), QStringLiteral("2000123")},
                  {QStringLiteral("principal_entity_id"), QStringLiteral("1101")},
                  {QStringLiteral("dlt_template_id"), QStringLiteral("1107161")},
                  {QStringLiteral("dlt_template_text"), QStringLiteral("Your OTP for {#var#} is {#var#}. - ACME")}};
    ASSERT_TRUE(m_db.service().saveVendor(g, admin).ok());
    TemplatesEditor* editor = openEditor(admin.user, admin.role);
    editor->select(Purpose::Login, Channel::Sms, QStringLiteral("en"));
    const QString wrong = QStringLiteral("Your code for {app} is {code}. - ACME");
    editor->bodyEdit()->setPlainText(wrong);
    ASSERT_TRUE(editor->saveButton()->isEnabled()) << "the placeholders are right; only the core knows the registration";
    const Outcome refused = finish(editor, [&]() { editor->saveButton()->click(); });
    EXPECT_EQ(refused.status, OutcomeStatus::InvalidInput);
    const QString said = editor->resultLabel()->text();
    EXPECT_TRUE(said.startsWith(QStringLiteral("Not saved: The SMS text must match, word for word, the DLT template registered "
                                               "for the vendor gupshup-in (template 1107161)")))
        << said.toStdString();
    EXPECT_FALSE(said.contains(QStringLiteral("vendor '"))) << "the core's own wording is not shown raw";
    EXPECT_EQ(editor->bodyEdit()->toPlainText(), wrong) << "the refused text stays to be corrected";
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates")), 0);

    editor->bodyEdit()->setPlainText(QStringLiteral("Your OTP for {app} is {code}. - ACME"));
    EXPECT_TRUE(finish(editor, [&]() { editor->saveButton()->click(); }).ok());
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates WHERE language = 'en'")), 1);
}

// Support reads the templates but cannot change them: no Save, a read-only editor, and save() refuses
// before anything reaches the database.
TEST_F(TemplatesEditorTest, ASupportUserCannotSave)
{
    TemplatesEditor* editor = openEditor(QStringLiteral("ravi"), QStringLiteral("support"));
    ASSERT_EQ(editor->model()->rowCount(), 36);
    EXPECT_FALSE(editor->saveButton()->isVisibleTo(editor));
    EXPECT_FALSE(editor->removeButton()->isVisibleTo(editor));
    EXPECT_TRUE(editor->bodyEdit()->isReadOnly());
    editor->select(Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    editor->bodyEdit()->setPlainText(kHindi);
    editor->save();
    EXPECT_TRUE(editor->resultLabel()->text().startsWith(QStringLiteral("Not saved"))) << editor->resultLabel()->text().toStdString();
    // The model refuses too, for a caller that bypasses the editor.
    const Outcome o = finish(editor, [&]() {
        MessageTemplate t;
        t.purpose = Purpose::Login;
        t.channel = Channel::Sms;
        t.language = QStringLiteral("hi");
        t.body = kHindi;
        editor->model()->save(t, Actor{QStringLiteral("ravi"), QStringLiteral("support")});
        editor->model()->load(QStringLiteral("default"));
    });
    EXPECT_EQ(o.status, OutcomeStatus::InvalidInput);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM message_templates")), 0);
    EXPECT_EQ(m_db.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'template_set'")), 0);
}

// The Settings page with the templates section at 1366×768, English and Hindi; PNGs to $OTP_UI_SCREENSHOTS
// (templates-en.png, templates-hi.png).
TEST_F(TemplatesEditorTest, TheTemplatesSectionFits1366x768InEnglishAndHindi)
{
    ASSERT_EQ(m_db.service()
                  .policySet(QStringLiteral("default"), std::nullopt, {{QStringLiteral("message_language"), QStringLiteral("hi")}},
                             Actor{QStringLiteral("meera"), QStringLiteral("admin")})
                  .status,
              OutcomeStatus::Ok);
    MessageTemplate t;
    t.tenant = QStringLiteral("default");
    t.language = QStringLiteral("hi");
    t.body = kHindi;
    ASSERT_EQ(m_db.service().saveTemplate(t, Actor{QStringLiteral("meera"), QStringLiteral("admin")}).status, OutcomeStatus::Ok);
    TemplatesEditor* editor = openEditor(QStringLiteral("meera"), QStringLiteral("admin"));
    MainWindow& w = window();
    w.resize(1366, 768);
    editor->select(Purpose::Login, Channel::Sms, QStringLiteral("hi"));
    editor->bodyEdit()->setPlainText(QStringLiteral("{app}: आपका कोड है। {minutes} मिनट तक मान्य।"));
    const QString dir = qEnvironmentVariable("OTP_UI_SCREENSHOTS");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("ta")}) {
        ASSERT_TRUE(switchLanguage(lang)) << lang.toStdString();
        w.resize(1366, 768);
        QApplication::processEvents();
        EXPECT_LE(w.minimumSizeHint().width(), 1366) << lang.toStdString();
        EXPECT_LE(w.minimumSizeHint().height(), 768) << lang.toStdString();
        EXPECT_TRUE(editor->problemLabel()->isVisibleTo(editor)) << lang.toStdString();
        if (!dir.isEmpty())
            w.grab().save(QStringLiteral("%1/templates-%2.png").arg(dir, lang));
    }
    w.setLanguage(QStringLiteral("en"));
}
