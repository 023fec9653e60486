// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "profiles/profile.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Specula::Views {

// Edits one profile: kubeconfig file and context, how to reach Prometheus, the refresh interval
// and the default namespace filter. The Prometheus token and password fields never show what the
// keychain holds: left empty they keep it, typed in they replace it.
class ProfileForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileForm)

public:
    explicit ProfileForm(QWidget *parent = nullptr);
    ~ProfileForm() override;

    void setProfile(const Profiles::Profile &profile);
    // The profile as edited; a Config error names the field that is wrong.
    Core::Result<Profiles::Profile> profile() const;
    // What was typed into the secret fields; empty: keep what the keychain has.
    QString typedToken() const;
    QString typedPassword() const;

Q_SIGNALS:
    // Any field changed (the name, for the list beside the form).
    void edited();

private:
    void browseKubeconfig();
    void offerContexts();

    Profiles::Profile m_shown;
    QLineEdit *m_name;
    QLineEdit *m_kubeconfig;
    QComboBox *m_context;
    QLineEdit *m_prometheus;
    QLineEdit *m_username;
    QLineEdit *m_token;
    QLineEdit *m_password;
    QSpinBox *m_refresh;
    QLineEdit *m_namespaces;
};

} // namespace Specula::Views
