from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_ketenpartners():
    from partners.viewsets import KetenpartnersGroup

    return KetenpartnersGroup()


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    from partners.dashboard import PartnerDeadlinesPanel

    panels.append(PartnerDeadlinesPanel())
