// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/profile.h"
#include "profiles/secretstore.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace Specula::Profiles {
class ProfileStore;
}

namespace Specula::Views {

class ProfileForm;

// Adds, edits, renames and removes the saved profiles. OK saves the settings file first (a
// failure keeps the dialog open with the reason), then moves, writes and removes the keychain
// entries of renamed, edited and removed profiles, and closes once the keychain has answered.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(Profiles::ProfileStore *store, Profiles::SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Selects the profile to edit first.
    void selectProfile(const QString &name);
    QString problem() const;

private:
    // One row of the list: the profile as edited, and the name its secrets are stored under.
    struct Entry
    {
        Profiles::Profile profile;
        QString storedName; // empty: a new profile
        QString token, password; // typed in this dialog; empty: keep the keychain's
    };

    void showEntry(int row);
    bool keepFormEdits();
    void addProfile();
    void removeProfile();
    void save();
    // One keychain change; it calls its argument when the keychain has answered.
    using SecretStep = std::function<void(Profiles::SecretStore::DoneCallback)>;
    QList<SecretStep> secretSteps() const;
    void runSecretSteps(QList<SecretStep> steps);
    void showProblem(const QString &text);

    Profiles::ProfileStore *m_store;
    Profiles::SecretStore *m_secrets;
    QList<Entry> m_entries;
    QStringList m_removed; // stored names of removed profiles
    int m_shown = -1;
    QListWidget *m_list;
    ProfileForm *m_form;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Specula::Views
