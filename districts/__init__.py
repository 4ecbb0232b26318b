"""The district and borough councils' side: applicants, nominations and vacancies, data minimised."""
