CREATE TABLE greetings (id INT PRIMARY KEY, text VARCHAR(100));
INSERT INTO greetings VALUES (1, 'hello');
