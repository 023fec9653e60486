// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/profiledialog.h"

#include "profiles/profilestore.h"
#include "views/profileform.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace Specula::Views {

using Secret = Profiles::SecretStore::Secret;

ProfileDialog::ProfileDialog(Profiles::ProfileStore *store, Profiles::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_form(new ProfileForm(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Cluster profiles"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addProfile"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeProfile"));
    connect(add, &QPushButton::clicked, this, &ProfileDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ProfileDialog::removeProfile);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(m_form, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    for (const Profiles::Profile &profile : store->profiles()) {
        m_entries.append({ profile, profile.name, {}, {} });
        m_list->addItem(profile.name);
    }
    m_form->setEnabled(!m_entries.isEmpty());
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        // A form that does not validate keeps its row selected, with the reason shown.
        if (row == m_shown || !keepFormEdits()) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(m_shown);
            return;
        }
        showEntry(row);
    });
    connect(m_form, &ProfileForm::edited, this, [this] {
        if (m_shown >= 0)
            if (auto profile = m_form->profile())
                m_list->item(m_shown)->setText(profile->name);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_entries.isEmpty())
        m_list->setCurrentRow(0);
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].profile.name == name)
            m_list->setCurrentRow(row);
    }
}

QString ProfileDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ProfileDialog::showEntry(int row)
{
    m_shown = row;
    m_form->setEnabled(row >= 0);
    if (row >= 0)
        m_form->setProfile(m_entries[row].profile);
}

bool ProfileDialog::keepFormEdits()
{
    if (m_shown < 0)
        return true;
    auto profile = m_form->profile();
    if (!profile) {
        showProblem(tr("%1: %2").arg(profile.error().where, profile.error().message));
        return false;
    }
    Entry &entry = m_entries[m_shown];
    entry.profile = profile.value();
    if (!m_form->typedToken().isEmpty())
        entry.token = m_form->typedToken();
    if (!m_form->typedPassword().isEmpty())
        entry.password = m_form->typedPassword();
    m_problem->hide();
    return true;
}

void ProfileDialog::addProfile()
{
    if (!keepFormEdits())
        return;
    QSet<QString> names;
    for (const Entry &entry : std::as_const(m_entries))
        names.insert(entry.profile.name);
    Profiles::Profile profile;
    profile.name = tr("new profile");
    for (int n = 2; names.contains(profile.name); ++n)
        profile.name = tr("new profile %1").arg(n);
    m_entries.append({ profile, {}, {}, {} });
    m_list->addItem(profile.name);
    m_list->setCurrentRow(m_entries.size() - 1);
}

void ProfileDialog::removeProfile()
{
    const int row = m_shown;
    if (row < 0)
        return;
    if (!m_entries[row].storedName.isEmpty())
        m_removed.append(m_entries[row].storedName);
    m_entries.removeAt(row);
    m_shown = -1; // the form's edits go with the profile
    delete m_list->takeItem(row);
    showEntry(m_list->currentRow());
}

void ProfileDialog::save()
{
    if (!keepFormEdits())
        return;
    QSet<QString> names;
    QList<Profiles::Profile> profiles;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (names.contains(entry.profile.name)) {
            showProblem(tr("Two profiles are called \"%1\"; names must differ.").arg(entry.profile.name));
            return;
        }
        names.insert(entry.profile.name);
        profiles.append(entry.profile);
    }
    const QList<Profiles::Profile> before = m_store->profiles();
    m_store->setProfiles(profiles);
    if (const auto error = m_store->save()) {
        m_store->setProfiles(before);
        showProblem(error->toString());
        return;
    }
    m_buttons->setEnabled(false);
    runSecretSteps(secretSteps());
}

QList<ProfileDialog::SecretStep> ProfileDialog::secretSteps() const
{
    QList<SecretStep> steps;
    for (const QString &name : m_removed)
        steps.append([this, name](auto done) { m_secrets->removeProfile(name, done); });
    for (const Entry &entry : m_entries) {
        const QString name = entry.profile.name;
        if (!entry.storedName.isEmpty() && entry.storedName != name)
            steps.append(
                [this, from = entry.storedName, name](auto done) { m_secrets->moveProfile(from, name, done); });
        if (!entry.token.isEmpty())
            steps.append([this, name, token = entry.token](auto done) {
                m_secrets->write(name, Secret::PrometheusToken, token, done);
            });
        if (!entry.password.isEmpty())
            steps.append([this, name, password = entry.password](auto done) {
                m_secrets->write(name, Secret::PrometheusPassword, password, done);
            });
    }
    return steps;
}

void ProfileDialog::runSecretSteps(QList<SecretStep> steps)
{
    if (steps.isEmpty()) {
        accept();
        return;
    }
    const SecretStep step = steps.takeFirst();
    step([this, steps](const std::optional<Core::Error> &error) {
        if (!error) {
            runSecretSteps(steps);
            return;
        }
        // The settings file is saved; what the keychain refused can be tried again.
        m_buttons->setEnabled(true);
        showProblem(tr("The profiles are saved, but the keychain refused a secret: %1").arg(error->toString()));
    });
}

void ProfileDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

} // namespace Specula::Views
