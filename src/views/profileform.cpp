// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/profileform.h"

#include "kube/kubeconfig.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace Specula::Views {
namespace {

Core::Error fieldError(const QString &field, const QString &message)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    error.where = field;
    error.message = message;
    return error;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_kubeconfig(new QLineEdit(this))
    , m_context(new QComboBox(this))
    , m_prometheus(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_refresh(new QSpinBox(this))
    , m_namespaces(new QLineEdit(this))
{
    m_name->setObjectName(QStringLiteral("profileName"));
    m_kubeconfig->setObjectName(QStringLiteral("profileKubeconfig"));
    m_kubeconfig->setPlaceholderText(tr("KUBECONFIG, else ~/.kube/config"));
    m_context->setObjectName(QStringLiteral("profileContext"));
    m_context->setEditable(true);
    m_context->lineEdit()->setPlaceholderText(tr("the kubeconfig's current context"));
    m_prometheus->setObjectName(QStringLiteral("profilePrometheus"));
    m_prometheus->setPlaceholderText(tr("auto"));
    m_prometheus->setToolTip(tr("auto (find it in the cluster), none, a URL such as https://prometheus.example:9090, "
                                "or service:NAMESPACE/[https:]NAME:PORT (through the API server)"));
    m_username->setObjectName(QStringLiteral("profileUsername"));
    for (QLineEdit *secret : { m_token, m_password }) {
        secret->setEchoMode(QLineEdit::Password);
        secret->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    }
    m_token->setObjectName(QStringLiteral("profileToken"));
    m_password->setObjectName(QStringLiteral("profilePassword"));
    m_refresh->setObjectName(QStringLiteral("profileRefresh"));
    m_refresh->setRange(0, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("Off"));
    m_namespaces->setObjectName(QStringLiteral("profileNamespaces"));
    m_namespaces->setPlaceholderText(tr("every namespace"));

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ProfileForm::browseKubeconfig);
    auto *kubeconfigRow = new QHBoxLayout;
    kubeconfigRow->addWidget(m_kubeconfig, 1);
    kubeconfigRow->addWidget(browse);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kubeconfig:"), kubeconfigRow);
    form->addRow(tr("&Context:"), m_context);
    form->addRow(tr("&Prometheus:"), m_prometheus);
    form->addRow(tr("&User:"), m_username);
    form->addRow(tr("Bearer &token:"), m_token);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Refresh every:"), m_refresh);
    form->addRow(tr("N&amespace:"), m_namespaces);

    for (QLineEdit *edit : { m_name, m_kubeconfig, m_prometheus, m_username, m_token, m_password, m_namespaces })
        connect(edit, &QLineEdit::textEdited, this, &ProfileForm::edited);
    connect(m_context, &QComboBox::currentTextChanged, this, &ProfileForm::edited);
    connect(m_refresh, &QSpinBox::valueChanged, this, &ProfileForm::edited);
    connect(m_kubeconfig, &QLineEdit::editingFinished, this, &ProfileForm::offerContexts);
}

ProfileForm::~ProfileForm() = default;

void ProfileForm::setProfile(const Profiles::Profile &profile)
{
    const QSignalBlocker blocker(this);
    m_shown = profile;
    m_name->setText(profile.name);
    m_kubeconfig->setText(profile.kubeconfig);
    offerContexts();
    m_context->setCurrentText(profile.context);
    m_prometheus->setText(profile.prometheus.spec());
    m_username->setText(profile.prometheus.username);
    m_token->clear();
    m_password->clear();
    m_refresh->setValue(profile.refreshSeconds);
    m_namespaces->setText(profile.namespaces.join(QStringLiteral(", ")));
}

Core::Result<Profiles::Profile> ProfileForm::profile() const
{
    // Starting from the profile shown keeps what the form does not edit (extra headers, CA file).
    Profiles::Profile profile = m_shown;
    profile.name = m_name->text().trimmed();
    if (profile.name.isEmpty())
        return fieldError(tr("Name"), tr("a profile needs a name"));
    profile.kubeconfig = m_kubeconfig->text().trimmed();
    profile.context = m_context->currentText().trimmed();
    const QString spec = m_prometheus->text().trimmed();
    auto prometheus = Model::PrometheusSettings::parse(spec.isEmpty() ? QStringLiteral("auto") : spec);
    if (!prometheus)
        return fieldError(tr("Prometheus"), prometheus.error().message);
    if (prometheus->mode == Model::PrometheusSettings::Mode::Url) {
        prometheus->headers = m_shown.prometheus.headers;
        prometheus->caFile = m_shown.prometheus.caFile;
        prometheus->insecureSkipTlsVerify = m_shown.prometheus.insecureSkipTlsVerify;
    }
    profile.prometheus = prometheus.value();
    profile.prometheus.username = m_username->text().trimmed();
    profile.refreshSeconds = m_refresh->value();
    profile.namespaces.clear();
    for (const QString &ns : m_namespaces->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!ns.trimmed().isEmpty())
            profile.namespaces.append(ns.trimmed());
    }
    return profile;
}

QString ProfileForm::typedToken() const
{
    return m_token->text();
}

QString ProfileForm::typedPassword() const
{
    return m_password->text();
}

void ProfileForm::browseKubeconfig()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Kubeconfig file"), m_kubeconfig->text());
    if (path.isEmpty())
        return;
    m_kubeconfig->setText(path);
    offerContexts();
    Q_EMIT edited();
}

// The contexts of the chosen file (or of the default kubeconfig) are offered; any name may still
// be typed, for a file that does not exist yet on this machine.
void ProfileForm::offerContexts()
{
    const QString typed = m_context->currentText();
    const QSignalBlocker blocker(m_context);
    m_context->clear();
    auto config = Kube::KubeConfig::load(Kube::KubeConfigSources::fromEnvironment(m_kubeconfig->text().trimmed()));
    if (config)
        m_context->addItems(config->contextNames());
    m_context->setCurrentText(typed);
}

} // namespace Specula::Views
