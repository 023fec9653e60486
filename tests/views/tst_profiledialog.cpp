// SPDX-License-Identifier: GPL-3.0-or-later
// The profile dialog against a real settings file and a real Secret Service.
#include "../profiles/keychaintesting.h"
#include "profiles/profilestore.h"
#include "views/profiledialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using Secret = Profiles::SecretStore::Secret;

namespace {

Profiles::Profile profileNamed(const QString &name, const QString &prometheus)
{
    Profiles::Profile profile;
    profile.name = name;
    profile.context = name;
    profile.prometheus = Model::PrometheusSettings::parse(prometheus).value();
    return profile;
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SPECULA_REQUIRE_KEYCHAIN();
        QVERIFY(m_dir.isValid());
        // Profile names unique to this run: the keychain outlives the test.
        m_prefix = u"dialog-%1-"_qs.arg(QCoreApplication::applicationPid());
        m_store = std::make_unique<Profiles::ProfileStore>(m_dir.filePath(u"profiles.ini"_qs));
        m_store->setProfiles({ profileNamed(m_prefix + u"prod"_qs, u"https://prom.example:9090"_qs),
                               profileNamed(m_prefix + u"lab"_qs, u"auto"_qs) });
        QVERIFY(!m_store->save());
        m_dialog = std::make_unique<Views::ProfileDialog>(m_store.get(), &m_secrets);
        m_list = m_dialog->findChild<QListWidget *>(u"profileList"_qs);
        QCOMPARE(m_list->count(), 2);
    }

    void cleanup()
    {
        for (const QString &name : { u"prod"_qs, u"production"_qs, u"lab"_qs })
            ProfilesTest::waitDone([&](auto done) { m_secrets.removeProfile(m_prefix + name, done); });
        m_dialog.reset();
    }

    void renamingWithATokenKeepsTheTokenOutOfTheFile()
    {
        QCOMPARE(field(u"profileName"_qs)->text(), m_prefix + u"prod"_qs);
        QCOMPARE(field(u"profilePrometheus"_qs)->text(), u"https://prom.example:9090"_qs);
        edit(u"profileName"_qs, m_prefix + u"production"_qs);
        QCOMPARE(m_list->item(0)->text(), m_prefix + u"production"_qs);
        edit(u"profileToken"_qs, u"s3cret-token"_qs);
        m_dialog->findChild<QSpinBox *>(u"profileRefresh"_qs)->setValue(60);
        edit(u"profileNamespaces"_qs, u"ml-team, batch"_qs);
        accept();

        Profiles::ProfileStore reread(m_store->path());
        QVERIFY(reread.load().isEmpty());
        const auto saved = reread.find(m_prefix + u"production"_qs);
        QVERIFY(saved);
        QVERIFY(!reread.find(m_prefix + u"prod"_qs));
        QCOMPARE(saved->refreshSeconds, 60);
        QCOMPARE(saved->namespaces, QStringList({ u"ml-team"_qs, u"batch"_qs }));
        QCOMPARE(saved->prometheus.url, QUrl(u"https://prom.example:9090"_qs));
        QFile file(m_store->path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("s3cret-token"));

        const auto token = ProfilesTest::waitRead(m_secrets, m_prefix + u"production"_qs, Secret::PrometheusToken);
        QVERIFY2(token, token ? "" : qPrintable(token.error().toString()));
        QCOMPARE(token.value(), u"s3cret-token"_qs);
    }

    void aRenameMovesTheStoredSecretsAndARemovalDeletesThem()
    {
        SPECULA_VERIFY_DONE(
            ProfilesTest::waitWrite(m_secrets, m_prefix + u"prod"_qs, Secret::PrometheusPassword, u"pw"_qs));
        SPECULA_VERIFY_DONE(ProfilesTest::waitWrite(m_secrets, m_prefix + u"lab"_qs, Secret::PrometheusToken, u"t"_qs));
        edit(u"profileName"_qs, m_prefix + u"production"_qs);
        m_list->setCurrentRow(1);
        m_dialog->findChild<QPushButton *>(u"removeProfile"_qs)->click();
        QCOMPARE(m_list->count(), 1);
        accept();

        Profiles::ProfileStore reread(m_store->path());
        reread.load();
        QCOMPARE(reread.profiles().size(), 1);
        const auto moved = ProfilesTest::waitRead(m_secrets, m_prefix + u"production"_qs, Secret::PrometheusPassword);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().toString()));
        QCOMPARE(moved.value(), u"pw"_qs);
        const auto removed = ProfilesTest::waitRead(m_secrets, m_prefix + u"lab"_qs, Secret::PrometheusToken);
        QVERIFY(!removed);
        QCOMPARE(removed.error().kind, Core::Error::Kind::NotFound);
    }

    void badInputKeepsTheDialogOpenWithTheReason()
    {
        edit(u"profilePrometheus"_qs, u"ftp://nowhere"_qs);
        ok()->click();
        QVERIFY(m_dialog->result() != QDialog::Accepted);
        QVERIFY2(m_dialog->problem().startsWith(u"Prometheus: "_qs), qPrintable(m_dialog->problem()));
        // Another profile cannot be chosen while this one is wrong.
        m_list->setCurrentRow(1);
        QCOMPARE(m_list->currentRow(), 0);

        edit(u"profilePrometheus"_qs, u"none"_qs);
        edit(u"profileName"_qs, m_prefix + u"lab"_qs);
        ok()->click();
        QCOMPARE(m_dialog->problem(),
                 u"Two profiles are called \"%1\"; names must differ."_qs.arg(m_prefix + u"lab"_qs));
        Profiles::ProfileStore reread(m_store->path());
        reread.load();
        QVERIFY(reread.find(m_prefix + u"prod"_qs)); // nothing was saved

        edit(u"profileName"_qs, u""_qs);
        ok()->click();
        QCOMPARE(m_dialog->problem(), u"Name: a profile needs a name"_qs);
    }

    void addingOffersAFreshName()
    {
        auto *add = m_dialog->findChild<QPushButton *>(u"addProfile"_qs);
        add->click();
        add->click();
        QCOMPARE(m_list->count(), 4);
        QCOMPARE(m_list->item(2)->text(), u"new profile"_qs);
        QCOMPARE(m_list->item(3)->text(), u"new profile 2"_qs);
        QCOMPARE(field(u"profileName"_qs)->text(), u"new profile 2"_qs);
        QCOMPARE(field(u"profilePrometheus"_qs)->text(), u"auto"_qs);
    }

private:
    QLineEdit *field(const QString &name) const { return m_dialog->findChild<QLineEdit *>(name); }

    // As typed by the user, so the form's edited() follows.
    void edit(const QString &name, const QString &text)
    {
        QLineEdit *edit = field(name);
        QVERIFY(edit);
        edit->selectAll();
        edit->del();
        QTest::keyClicks(edit, text);
    }

    QPushButton *ok() const { return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }

    void accept()
    {
        ok()->click();
        QVERIFY2(
            QTest::qWaitFor([&] { return m_dialog->result() == QDialog::Accepted; }, ProfilesTest::keychainTimeoutMs),
            qPrintable(m_dialog->problem()));
    }

    QTemporaryDir m_dir;
    QString m_prefix;
    Profiles::SecretStore m_secrets;
    std::unique_ptr<Profiles::ProfileStore> m_store;
    std::unique_ptr<Views::ProfileDialog> m_dialog;
    QListWidget *m_list = nullptr;
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
